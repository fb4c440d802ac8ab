"""The default serving core: grpclib on one asyncio event loop, sync methods on a thread pool.

``serve()`` loads it; a host never does.
"""
