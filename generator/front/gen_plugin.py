"""``gen-plugin``: the command-line front door.

``gen-plugin PROTO... -o OUT [-I DIR]... [--check] [--force-main]`` parses the protos with the
protoc inside grpcio-tools (no system protoc needed; well-known types are found), runs the
shared pipeline and writes the result atomically. This module only does I/O; the bytes are
decided in ``core/pipeline.py``, the options in ``options.py``.

A run whose inputs are unchanged since an identical earlier run is replayed from the cache
(``cache/replay.py``) before click, protobuf, jinja2 or black are even imported; the result
still goes through the same write stage. Other runs are parsed without click when the command
line is an everyday one (``quick_parse.py``), and by click otherwise (``command.py``), both
from the options' one declaration (``options.py``).

``gen-plugin compat OLD.proto NEW.proto`` is dispatched to ``compat.py`` first of
all, so a compatibility check is never mistaken for (or replayed as) a generation run.
``gen-plugin init DIR`` is dispatched likewise, to ``init/command.py``.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..cache import replay
from ..core import write
from ..core.errors import GeneratorError
from ..core.files import OutputFile

if TYPE_CHECKING:
    from .options import Run

PROG = "gen-plugin"

#: Allocations between two collections of the youngest generation (Python's default: 700).
_GC_THRESHOLD = 200_000


def console() -> None:
    """The ``gen-plugin`` script: :func:`main` in a process tuned for one short run.

    Such a process is mostly imports (protobuf, jinja2, the generator): tens of thousands of
    objects that live until the end, which Python's cyclic garbage collector would walk some
    fifty times while they are created. It runs rarely here instead (mypy tunes it likewise),
    which saves about 4 ms. Tearing the interpreter down would take about 14 ms more and free
    nothing that matters: every file is written and closed, temporary folders are removed, no
    exit handler has work left. So a successful run flushes its output and ends with
    ``os._exit`` (as mypy's ``hard_exit`` does). Failures raise ``SystemExit`` out of
    :func:`main` and exit normally. In-process callers (the tests) use :func:`main`.
    """
    gc.set_threshold(_GC_THRESHOLD)
    main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> None:
    """Replay if possible, else parse the arguments and run; usable in-process (tests)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        from .about import version_line

        sys.stdout.write(version_line(PROG) + "\n")
        return
    if arguments[:1] == ["compat"]:  # a subcommand: never a generation run, never replayed
        from . import compat

        compat.main(arguments[1:])
        return
    if arguments[:1] == ["init"]:  # a subcommand: writes a new repository (init/)
        from ..init import command as init_command

        init_command.main(arguments[1:])
        return
    key = replay.run_key(arguments)
    recorded = replay.lookup(key) if key else None
    if recorded is not None:
        _exit_on_error(
            lambda: _deliver(
                recorded.outputs, recorded.out_dir, recorded.check, recorded.force_main
            )
        )
        return
    from . import quick_parse

    parsed = quick_parse.parse(arguments)
    if parsed is not None:
        run(parsed, key=key)
        return
    from .command import command

    command.main(args=arguments, prog_name=PROG, obj=key)


def run(parsed: Run, *, key: str | None) -> None:
    """A full run: protoc, pipeline, write; then remember it for replays."""

    def full() -> None:
        from ..core import pipeline
        from ..python import target
        from ..schema import descriptors, load

        search = list(parsed.includes) or load.default_includes(parsed.protos)
        data, names = load.compile_protos(parsed.protos, search)
        files = descriptors.FileDescriptorSet.FromString(data).file
        outputs: list[OutputFile] = []
        if parsed.out_dir:
            outputs = pipeline.generate(
                files, names, parsed.settings, target=target.generate, include_main=True
            )
        go_outputs: list[OutputFile] = []
        if parsed.go_out:  # generated before anything is written: an error writes nothing
            from ..go import target as go_target

            go = go_target.for_settings(parsed.settings)
            go_outputs = pipeline.generate(
                files, names, parsed.settings, target=go, include_main=False
            )
        force_main = parsed.settings.force_main
        if parsed.out_dir:
            _deliver(outputs, parsed.out_dir, parsed.check, force_main)
        if parsed.go_out:
            _deliver(go_outputs, parsed.go_out, parsed.check, False)
        if key is not None and not parsed.go_out:  # replays know one output folder
            recorded = replay.Recorded(parsed.out_dir, parsed.check, force_main, tuple(outputs))
            replay.record(
                key, recorded, [file.name for file in files], [*search, load.well_known_include()]
            )

    _exit_on_error(full)


def _deliver(outputs: Sequence[OutputFile], out_dir: str, check: bool, force_main: bool) -> None:
    """Compare or write ``outputs``; report on stderr (a diff on stdout for ``--check``)."""
    result = write.plan(outputs, out_dir, force_main=force_main)
    if check:
        if result.changes:
            sys.stdout.write(write.diff(result))
            sys.stdout.flush()  # a closed pipe (``| head``) is handled here, not at exit
            raise GeneratorError(
                f"{len(result.changes)} generated file(s) would change: run gen-plugin without "
                "--check to update them",
                out_dir,
            )
    else:
        write.apply(result)
    written = "" if check else f"{len(result.changes)} written, "
    kept = f", {', '.join(result.kept)} kept (--force-main replaces it)" if result.kept else ""
    sys.stderr.write(f"{PROG}: {out_dir}: {written}{len(result.unchanged)} unchanged{kept}\n")


def _exit_on_error(action: Callable[[], None]) -> None:
    """Run ``action``; a user-fixable error becomes a message and exit status 1.

    Ctrl-C and a closed stdout (``--check | head``) end the run the way click ends a command,
    with ``Aborted!`` or quietly and status 1, however the command line was parsed.
    """
    try:
        action()
    except GeneratorError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        sys.exit(1)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\nAborted!\n")
        sys.exit(1)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        sys.exit(1)
