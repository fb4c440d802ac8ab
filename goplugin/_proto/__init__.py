"""go-plugin's own services (broker, controller, stdio), generated from its internal protos."""
