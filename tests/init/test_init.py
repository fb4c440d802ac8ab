"""``gen-plugin init`` without a fresh virtualenv: refusals, names, and repositories made from
the example protos, whose implementation and typed host run against each other for real.

The generated repositories' code runs from their ``src/`` (``PYTHONPATH``) with this checkout's
runtime; ``test_fresh_venv.py`` installs one the way a user does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pygoplugin_gen.front import gen_plugin

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "example_protos"


def init(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    """``gen-plugin init ARGUMENTS`` in-process: (exit status, stderr)."""
    with pytest.raises(SystemExit) as exit_:
        gen_plugin.main(["init", *arguments])
    code = exit_.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


def host_runs_plugin(repository: Path, package: str) -> list[str]:
    """The repository's host calling every RPC of its plugin, both run from ``src/``."""
    env = {**os.environ, "PYTHONPATH": str(repository / "src")}
    plugin = [sys.executable, "-m", f"{package}.main"]
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", f"{package}.host", "--", *plugin],
        cwd=repository,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_starter_answers_every_kind_of_rpc(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = init(capsys, str(tmp_path / "weather"))
    assert code == 0, err
    assert "20 files written" in err
    assert host_runs_plugin(tmp_path / "weather", "weather") == [
        'weather.echo: text: "hello"',
        "weather.countdown: number: 3",
        "weather.countdown: number: 2",
        "weather.countdown: number: 1",
        "weather.sum: total: 3",
        'weather.chat: text: "you said: message 1"',
        'weather.chat: text: "you said: message 2"',
    ]


def test_name_spells_the_distribution_package_and_service(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = init(capsys, str(tmp_path / "anything"), "--name", "weather-station")
    assert code == 0, err
    repository = tmp_path / "anything"
    pyproject = (repository / "pyproject.toml").read_text()
    assert 'name = "weather-station"' in pyproject
    assert 'weather-station = "weather_station.main:main"' in pyproject
    proto = repository / "proto" / "weather_station" / "v1" / "weather_station.proto"
    assert "service WeatherStation {" in proto.read_text()
    assert (
        "class WeatherStationImpl(interface.WeatherStation):"
        in (repository / "src" / "weather_station" / "main.py").read_text()
    )


@pytest.mark.parametrize(
    ("proto", "rpcs"),
    [
        ("kinds.proto", 6),  # two services, all four kinds
        ("imports/driver.proto", 2),
        ("provider/provider.proto", 36),  # tfplugin-shaped: every stream kind, well-known types
    ],
)
def test_a_users_proto_gets_a_working_plugin_and_host(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, proto: str, rpcs: int
) -> None:
    repository = tmp_path / "mine"
    code, err = init(capsys, str(repository), "--proto", str(EXAMPLES / proto), "-I", str(EXAMPLES))
    assert code == 0, err
    assert (repository / "proto" / proto).is_file()
    answers = host_runs_plugin(repository, "mine")  # "service.method: {}" (empty answers)
    assert all(answer.endswith(": {}") for answer in answers), answers
    assert len({answer.split(":")[0] for answer in answers}) == rpcs


def test_imports_are_copied_at_their_import_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repository = tmp_path / "driver"
    proto = str(EXAMPLES / "imports" / "driver.proto")
    code, err = init(capsys, str(repository), "--proto", proto, "-I", str(EXAMPLES))
    assert code == 0, err
    copied = sorted(
        p.relative_to(repository / "proto").as_posix() for p in repository.rglob("*.proto")
    )
    assert copied == [
        "imports/driver.proto",
        "imports/shared/types.proto",
        "imports/shared/units.proto",
    ]


def test_a_folder_with_files_is_refused_naming_what_would_be_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repository = tmp_path / "weather"
    (repository / "src" / "weather").mkdir(parents=True)
    (repository / "README.md").write_text("mine\n")
    (repository / "src" / "weather" / "main.py").write_text("# mine\n")
    code, err = init(capsys, str(repository))
    assert code == 1
    assert "it would overwrite README.md, src/weather/main.py;" in err
    assert (repository / "README.md").read_text() == "mine\n"
    assert sorted(p.name for p in repository.rglob("*")) == [
        "README.md",
        "main.py",
        "src",
        "weather",
    ]


def test_a_folder_with_other_files_is_refused_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("")
    code, err = init(capsys, str(tmp_path), "--name", "weather")
    assert code == 1
    assert f"{tmp_path}: not empty: it holds notes.txt;" in err


def test_an_empty_folder_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "weather").mkdir()
    monkeypatch.chdir(tmp_path / "weather")
    code, err = init(capsys, ".")
    assert code == 0, err
    assert (tmp_path / "weather" / "src" / "weather" / "main.py").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["weather"]  # no staging folder left


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Weather", "use lowercase letters and digits"),
        ("json", "would shadow a module it imports"),
        ("class", "would shadow a Python keyword"),
    ],
)
def test_names_no_package_could_carry_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, says: str
) -> None:
    code, err = init(capsys, str(tmp_path / "x"), "--name", name)
    assert code == 1
    assert says in err
    assert not (tmp_path / "x").exists()


def test_a_missing_proto_and_a_split_one_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = init(capsys, str(tmp_path / "x"), "--proto", "nowhere.proto")
    assert (code, err.strip()) == (
        1,
        "gen-plugin init: error: nowhere.proto: no such proto file (--proto)",
    )
    names = EXAMPLES / "names" / "api.proto"
    code, err = init(capsys, str(tmp_path / "x"), "--proto", str(names), "-I", str(EXAMPLES))
    assert code == 1
    assert "different names (match, names)" in err
    assert not (tmp_path / "x").exists()


def test_what_init_writes_for_the_user_passes_mypy_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repository = tmp_path / "shop"
    protos = Path(__file__).resolve().parent / "protos"
    proto = protos / "shop" / "v1" / "shop.proto"
    code, err = init(capsys, str(repository), "--proto", str(proto), "-I", str(protos))
    assert code == 0, err
    mypy = Path(sys.executable).parent / "mypy"
    command = [str(mypy), "--strict", "--cache-dir", str(tmp_path / "cache")]
    files = ["src/shop/main.py", "src/shop/host.py", "tests/test_plugin.py"]
    env = {**os.environ, "MYPYPATH": "src"}
    result = subprocess.run(
        [*command, *files], cwd=repository, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout


def test_host_repository_tests_its_stand_in_and_a_real_plugin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    kinds = str(EXAMPLES / "kinds.proto")
    assert init(capsys, str(tmp_path / "inventory"), "--proto", kinds)[0] == 0
    code, err = init(capsys, str(tmp_path / "shelf"), "--host", "--proto", kinds)
    assert code == 0, err
    assert "the host is src/shelf/host.py" in err
    pyproject = (tmp_path / "shelf" / "pyproject.toml").read_text()
    assert 'shelf = "shelf.host:main"' in pyproject
    assert ".main:main" not in pyproject  # the stand-in plugin is no console script
    src = os.pathsep.join(str(tmp_path / name / "src") for name in ("shelf", "inventory"))
    pytest_command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
    for plugin in ("", f"{sys.executable} -m inventory.main"):  # the stand-in, then a real one
        env = {**os.environ, "PYTHONPATH": src, "SHELF_PLUGIN": plugin}
        result = subprocess.run(
            pytest_command,
            cwd=tmp_path / "shelf",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout
        assert "6 passed" in result.stdout
    # The variable is what the tests start: a command that is no plugin fails them.
    env = {**os.environ, "PYTHONPATH": src, "SHELF_PLUGIN": f"{sys.executable} -c pass"}
    result = subprocess.run(
        pytest_command, cwd=tmp_path / "shelf", env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "6 errors" in result.stdout


@pytest.mark.parametrize(
    "arguments",
    [
        (),
        ("--proto", str(EXAMPLES / "provider" / "provider.proto"), "-I", str(EXAMPLES)),
        ("--host", "--proto", str(EXAMPLES / "kinds.proto")),
    ],
    ids=["starter", "provider", "host"],
)
def test_what_init_writes_for_the_user_passes_ruff(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: tuple[str, ...]
) -> None:
    repository = tmp_path / "mine"
    code, err = init(capsys, str(repository), *arguments)
    assert code == 0, err
    ruff = Path(sys.executable).parent / "ruff"
    rules = "--select=E,F,W,I,B,UP,N,SIM,RUF"
    generated = "--extend-exclude=src/mine/*/"  # the generated package, checked elsewhere
    command = [str(ruff), "check", "--isolated", rules, "--line-length=100", generated, "."]
    result = subprocess.run(command, cwd=repository, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
