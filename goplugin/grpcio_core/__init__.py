"""goplugin on grpcio: the ``serve(core="grpcio")`` serving core, and the host's channel and broker.

A host always talks through grpcio; a plugin only when it asks for the grpcio core.
"""
