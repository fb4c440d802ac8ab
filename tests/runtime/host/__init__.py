"""What a host sees of its plugin: calls, failures, logs, the handshake, the async client."""
