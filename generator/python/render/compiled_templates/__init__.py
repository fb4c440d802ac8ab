"""Templates compiled by jinja2: see tools/templates.py."""
