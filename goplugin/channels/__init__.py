"""How a host's calls reach a plugin: the channels generated clients call through, their
options and interceptors, typed errors and per-call settings.
"""
