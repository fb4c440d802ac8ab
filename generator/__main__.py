"""``python -m generator``: the same as ``gen-plugin``."""

from generator.cli import console

console()
