"""Python hosts (Client, AsyncClient) driving Go go-plugin plugins."""
