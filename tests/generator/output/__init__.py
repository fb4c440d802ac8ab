"""What the generator writes: goldens, strict checks, generated plugins run for real, Go."""
