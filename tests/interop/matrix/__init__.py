"""Both directions at once: AutoMTLS, versioned plugins, generated Go, across go-plugin versions."""
