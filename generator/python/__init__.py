"""The Python target: the model spelled as Python, rendered through templates, plus protoc's own
Python modules moved into place and repaired."""
