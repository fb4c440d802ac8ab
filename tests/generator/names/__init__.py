"""Proto names, descriptors and imports made into Python names, modules and stubs."""
