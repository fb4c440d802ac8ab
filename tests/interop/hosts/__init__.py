"""Python hosts the interop tests run as processes of their own."""
