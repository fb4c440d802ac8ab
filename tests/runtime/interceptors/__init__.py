"""Interceptors on both sides of a call, and one OpenTelemetry trace across them."""
