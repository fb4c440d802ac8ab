"""What the interop tests build and import: the Go programs, and the greeter's Python stubs."""
