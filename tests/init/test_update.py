"""``gen-plugin init --update``: a later release's templates reach a repository, edits kept.

"A later release" is this one with some templates changed (``release`` below): the update
renders them with the recorded answers and merges them into the files as the user has them.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from pygoplugin_gen.front import gen_plugin
from pygoplugin_gen.init import repository

Release = Callable[[Mapping[str, tuple[str, str]]], None]


@pytest.fixture
def release(monkeypatch: pytest.MonkeyPatch) -> Release:
    """Make init's templates those of a later release: {template: (old text, new text)}."""
    original = repository._template_source

    def change(edits: Mapping[str, tuple[str, str]]) -> None:
        def source(name: str) -> str:
            text = original(name)
            if name in edits:
                old, new = edits[name]
                assert old in text, f"{name} no longer holds {old!r}"
                text = text.replace(old, new)
            return text

        monkeypatch.setattr(repository, "_template_source", source)

    return change


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        gen_plugin.main(["init", *arguments])
    code = exit_.value.code
    captured = capsys.readouterr()
    return (code if isinstance(code, int) else 1), captured.out, captured.err


def git(repository_dir: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *arguments],
        cwd=repository_dir,
        check=True,
        capture_output=True,
    )


def committed(capsys: pytest.CaptureFixture[str], folder: Path) -> Path:
    assert run(capsys, str(folder))[0] == 0
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "as init wrote it")
    return folder


def test_update_replaces_merges_and_keeps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, release: Release
) -> None:
    folder = committed(capsys, tmp_path / "weather")
    main = folder / "src" / "weather" / "main.py"
    main.write_text(main.read_text().replace("text=request.text", "text=request.text.upper()"))
    readme = folder / "README.md"
    readme.write_text(readme.read_text() + "\nOur own notes.\n")
    (folder / ".pre-commit-config.yaml").unlink()
    release(
        {
            "ci.yml.j2": ("name: ci\n", "name: ci\nconcurrency: ci\n"),
            "README.md.j2": ("## Build and test\n", "## Build and test\n\nNew in this release.\n"),
            "pre-commit-config.yaml.j2": ("repos:\n", "# changed\nrepos:\n"),
        }
    )
    code, out, err = run(capsys, "--update", str(folder))
    assert code == 0, err
    assert out.splitlines() == [
        "updated   .github/workflows/ci.yml",
        "merged    README.md",
        "yours     src/weather/main.py (this release changes nothing in it)",
    ]
    assert "concurrency: ci\n" in (folder / ".github" / "workflows" / "ci.yml").read_text()
    text = readme.read_text()
    assert "New in this release." in text and text.endswith("\nOur own notes.\n")
    assert "request.text.upper()" in main.read_text()
    assert not (folder / ".pre-commit-config.yaml").exists()  # deleted by the user: stays so

    # The merged README is the next update's base: a release changing nothing is a no-op.
    git(folder, "commit", "-qam", "updated")
    code, out, err = run(capsys, "--update", str(folder))
    assert code == 0, err
    assert "merged" not in out and "updated" not in out


def test_both_changing_one_line_is_a_conflict_left_marked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, release: Release
) -> None:
    folder = committed(capsys, tmp_path / "weather")
    ci = folder / ".github" / "workflows" / "ci.yml"
    ci.write_text(ci.read_text().replace('python-version: "3.12"', 'python-version: "3.13"'))
    release({"ci.yml.j2": ('python-version: "3.12"', 'python-version: "3.14"')})
    code, out, _ = run(capsys, "--update", str(folder))
    assert code == 1
    assert "CONFLICT  .github/workflows/ci.yml (resolve the marked lines)" in out
    text = ci.read_text()
    assert "<<<<<<< .github/workflows/ci.yml (yours)" in text
    assert '"3.13"' in text and '"3.14"' in text


def test_without_git_the_release_goes_beside_an_edited_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, release: Release
) -> None:
    folder = tmp_path / "weather"
    assert run(capsys, str(folder))[0] == 0
    readme = folder / "README.md"
    readme.write_text(readme.read_text() + "\nOur own notes.\n")
    release({"README.md.j2": ("## Build and test\n", "## Build and test\n\nNew.\n")})
    code, out, _ = run(capsys, "--update", str(folder))
    assert code == 0
    assert "beside    README.md.pygoplugin-new (merge it into README.md by hand)" in out
    assert readme.read_text().endswith("\nOur own notes.\n")
    assert "\nNew.\n" in (folder / "README.md.pygoplugin-new").read_text()


def test_update_needs_a_repository_init_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--update", str(tmp_path))
    assert code == 1
    assert "no .pygoplugin-init.json: --update works on a repository gen-plugin init wrote" in err
