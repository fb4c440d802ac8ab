"""pyplugin's code generator: a .proto service in, a typed go-plugin plugin package out."""
