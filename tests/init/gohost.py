"""Build a Go go-plugin host for a repository ``gen-plugin init`` wrote, from its own proto/.

The host's source (``tests/init/go/<host>``) is written only against the Go packages generated
from that repository's ``proto/``: protoc-gen-go's messages and the Go target's plugin package
(``gen-plugin --go-out``), so what the Python plugin is checked against is what a Go team would
build from the same contract. The build goes through ``tests/interop/support/gobuild.py``'s cache
and module (go-plugin v1.8.0); every file of ``proto/`` is mapped to ``yourapp/proto/<its folder>``
with ``--go-import`` (the protos carry no ``go_package``, as init writes them).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from tests.interop.support.gobuild import BUILD_ROOT, CURRENT, _build, _run

HOSTS = Path(__file__).resolve().parent / "go"


def build_init_host(host: str, proto_dir: Path) -> Path:
    """``tests/init/go/<host>`` built against the Go code of ``proto_dir``; its path."""
    protos = sorted(path.relative_to(proto_dir).as_posix() for path in proto_dir.rglob("*.proto"))
    imports = {proto: f"yourapp/proto/{Path(proto).parent.as_posix()}" for proto in protos}
    key = b"".join(proto.encode() + (proto_dir / proto).read_bytes() for proto in protos)

    def prepare(src: Path, env: Mapping[str, str]) -> None:
        tools = {
            name: _run(["go", "tool", "-n", name], env=env, cwd=src).strip()
            for name in ("protoc-gen-go", "protoc-gen-go-grpc")
        }
        mappings = [f"M{proto}={path}" for proto, path in imports.items()]
        _run(
            [
                sys.executable,
                "-m",
                "grpc_tools.protoc",
                f"-I{proto_dir}",
                f"--plugin=protoc-gen-go={tools['protoc-gen-go']}",
                f"--plugin=protoc-gen-go-grpc={tools['protoc-gen-go-grpc']}",
                f"--go_out={src}",
                f"--go-grpc_out={src}",
                *(f"--go_opt={option}" for option in ["module=yourapp", *mappings]),
                *(f"--go-grpc_opt={option}" for option in ["module=yourapp", *mappings]),
                *protos,
            ],
            env=env,
            cwd=proto_dir,
        )
        main = [proto for proto in protos if _has_service(proto_dir / proto)]
        _run(
            [
                sys.executable,
                "-m",
                "pygoplugin_gen",
                "-I",
                str(proto_dir),
                *(str(proto_dir / proto) for proto in main),
                "--go-out",
                str(src),
                "--go-module",
                "yourapp",
                *(f"--go-import={proto}={path}" for proto, path in imports.items()),
            ],
            env=env,
        )

    bin_dir = _build(
        f"init-{host}-{CURRENT}",
        BUILD_ROOT,
        [
            ("go", "vet", f"./initcmd/{host}"),
            ("go", "build", "-o", f"{{bin}}/{host}", f"./initcmd/{host}"),
        ],
        (host,),
        overlay={f"initcmd/{host}": HOSTS / host},
        prepare=prepare,
        key_extra=key,
    )
    return bin_dir / host


def _has_service(proto: Path) -> bool:
    return any(line.startswith("service ") for line in proto.read_text().splitlines())
