"""The grpclib core's lean path: calls read, served and answered past grpclib's and h2's
general machinery when they are the common case.

``reads`` reads a call's whole request past h2's parser (``header_blocks``: a block a host
repeats, decoded once); ``unary`` serves a unary-unary method without grpclib's request handler,
an async one's first step taken at once (``first_step``); ``whole_response`` writes a reply's
frames by hand. Anything unusual takes grpclib's own path.
"""
