"""Templates compiled by jinja2: see generator.templating."""
