"""The target-neutral core: options, the model, the pipeline and the write stage.

Nothing here knows a target language: the model holds proto names, RPC kinds, comments, wire
paths and handshake facts; a target (``python/``, ``go/``) turns it into files.
"""
