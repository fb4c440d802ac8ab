"""Hardening with Go on one side: no orphans, 256 streams at once."""
