"""Development tools for the generator, kept out of the shipped package.

``python -m tools.goldens [--update]`` checks (or rewrites) the golden files and the generated
examples; ``python -m tools.templates [--update]`` checks (or recompiles) the compiled templates;
``python -m tools.descriptors [--update]`` checks (or rewrites) ``generator/schema/descriptors.py``.
Tests import them; a wheel never contains them.
"""
