"""Python plugins with test-only switches that Go hosts run."""
