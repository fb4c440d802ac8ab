"""protoc's and grpcio-tools' own Python modules, moved into the emitted packages and repaired."""
