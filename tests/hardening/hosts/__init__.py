"""Host programs the hardening tests run and kill: flooded, orphaned, soaked."""
