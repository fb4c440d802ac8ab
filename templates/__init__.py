"""Jinja2 templates of the code generator, one per emitted file kind (shipped as package data)."""
