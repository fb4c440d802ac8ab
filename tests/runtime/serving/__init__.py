"""The plugin process and its serving cores: registration, streams, cancellation, start-up."""
