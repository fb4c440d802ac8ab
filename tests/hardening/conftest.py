from tests.runtime.conftest import make_client

__all__ = ["make_client"]
