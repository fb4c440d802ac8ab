"""Model to Python source text: templates (shipped compiled), docstrings and black's layout."""
