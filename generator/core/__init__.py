"""The target-neutral core: options, protoc, the model, the pipeline and the write stage.

Nothing here knows a target language: the model holds proto names, RPC kinds, comments, wire
paths and handshake facts; a target (``python/``; a Go target later) turns it into files.
"""
