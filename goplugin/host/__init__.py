"""The host side: launching a plugin process, connecting to it, and ending it whatever happens.

The public names (``Client``, ``AsyncClient``, ``ReattachConfig``, ``SecureConfig``) are
``goplugin``'s; a plugin process never imports this package.
"""
