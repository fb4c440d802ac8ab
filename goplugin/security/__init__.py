"""Connections under TLS: AutoMTLS certificates, a user's own TLS settings, and the transports
that listen and dial with them (or in plaintext).

Only ``transport`` loads in a plaintext session; the rest load with TLS, so a plaintext plugin
starts without ``cryptography``.
"""
