"""The front doors: ``gen-plugin`` (and its ``compat`` subcommand) and ``protoc-gen-pyplugin``.

They only parse options, read and write; the bytes are decided by the core pipeline.
"""
