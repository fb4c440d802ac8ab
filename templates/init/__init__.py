"""The templates of ``gen-plugin init``: one per file of a new plugin repository."""
