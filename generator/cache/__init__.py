"""The optional on-disk cache: replayed runs and black's answers, bounded in size."""
