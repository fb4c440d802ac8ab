"""``python -m pygoplugin_gen``: the same as ``gen-plugin``."""

from .front.gen_plugin import console

console()
