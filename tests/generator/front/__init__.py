"""The front doors as users drive them: gen-plugin, protoc-gen-pyplugin, bad input, cache."""
