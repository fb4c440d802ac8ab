"""Programs that run generated code in processes of their own: hosts and plugins."""
