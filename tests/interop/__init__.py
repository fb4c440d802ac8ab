"""Interop tests: real Go go-plugin hosts and plugins against this runtime."""
