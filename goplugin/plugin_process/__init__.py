"""The plugin process: ``serve()``, and what it runs whichever serving core answers the calls.

Nothing is imported here: a plugin loads only the modules its start-up needs.
"""
