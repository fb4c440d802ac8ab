"""The Go target: go-plugin's Go wiring (interfaces, GRPCPlugins, handshake) from the model."""
