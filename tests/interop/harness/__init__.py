"""The harness itself: Go hosts against Go plugins, so a failure elsewhere is Python's."""
