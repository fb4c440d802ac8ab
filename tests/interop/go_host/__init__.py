"""Go go-plugin hosts driving Python plugins."""
