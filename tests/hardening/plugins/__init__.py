"""Plugin programs that misbehave on purpose for the hardening tests."""
