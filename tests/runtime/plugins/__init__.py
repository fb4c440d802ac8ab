"""The plugin programs and plugin kinds (echo, kinds, inventory) the runtime tests launch."""
