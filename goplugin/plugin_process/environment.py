"""What environment a plugin process starts with.

go-plugin's default is the host's whole environment plus the variables the host sets; a host
that embeds plugins it does not fully trust should not hand them its cloud credentials, so
``skip_host_env`` (go-plugin's ``SkipHostEnv``) starts from nothing instead: the plugin then
sees exactly the host's ``env`` and the variables the protocol needs, and nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from goplugin.constants import ENV_CLIENT_CERT


def plugin_environment(
    env: Mapping[str, str], protocol: Mapping[str, str], *, skip_host_env: bool
) -> dict[str, str]:
    """The environment to launch with: [the host's +] ``env`` + the protocol's variables.

    A ``PLUGIN_CLIENT_CERT`` inherited from the host's own environment is dropped unless the
    protocol or ``env`` sets it: it would make the plugin serve TLS the host does not speak.
    """
    result = {} if skip_host_env else dict(os.environ)
    if ENV_CLIENT_CERT not in env:
        result.pop(ENV_CLIENT_CERT, None)
    result.update(env)
    result.update(protocol)
    return result
