"""Rendering: compiled templates, their runtime, black's layout without black."""
