"""Helpers shared by several test folders (and by the processes their tests start)."""
