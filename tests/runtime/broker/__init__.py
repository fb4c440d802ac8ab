"""The GRPCBroker from both sides: callbacks dialled by plugins and by hosts, sync and async."""
