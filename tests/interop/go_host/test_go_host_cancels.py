"""A Go host that aborts a client stream gets no ERROR from the Python plugin (issue 10).

go-plugin v1.8.0's kinds-host (tests/go/gencmd) sends ``Put`` a request stream that fails
("stop here"), so its generated client cancels the call while the Python plugin's ``put`` is
iterating the requests. That is the host's decision, not a failure of the plugin: the plugin
must not log it as an ERROR with a traceback (the grpcio core did), on either serving core.
The host logs its plugin's stderr at WARN and above, so anything the plugin logs as a warning
or an error shows in the host's stderr.
"""

from __future__ import annotations

import sys

import pytest

from ..conftest import PLUGINS, run_program
from ..support.gengo import GeneratedGoBinaries

pytestmark = pytest.mark.interop

KINDS_PLUGIN = [sys.executable, str(PLUGINS / "gen_kinds_plugin.py")]


@pytest.mark.parametrize("core", ["grpclib", "grpcio"])
def test_a_client_stream_the_go_host_aborts_is_no_error_of_the_plugin(
    generated_go: GeneratedGoBinaries, core: str
) -> None:
    run = run_program(
        [str(generated_go["kinds-host"]), "--", *KINDS_PLUGIN],
        env={"GOPLUGIN_CORE": core},
        timeout=90,
    )
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}"
    assert "put-abort: stop here" in run.stdout.splitlines()
    assert "[ERROR]" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert "[WARN]" not in run.stderr, run.stderr
