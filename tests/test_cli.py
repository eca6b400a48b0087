"""The command line: behaviour of each command, and every command documented in docs/cli.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from canonym import cli

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _subcommands() -> list[str]:
    parser = cli.build_parser()
    names: list[str] = []
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():
            if name == "aliases":
                for inner in sub._subparsers._group_actions:  # type: ignore[union-attr]
                    names += [f"aliases {n}" for n in inner.choices]
            else:
                names.append(name)
    return names


def test_every_command_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name in _subcommands() if f"`canonym {name}" not in text]
    assert not missing, f"commands without a section in docs/cli.md: {missing}"


def test_resolve_prints_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["resolve", "Gen. Solemani", "Irak"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t")[:2] == ["Gen. Solemani", "qassem-soleimani"]
    assert out[1].split("\t")[:2] == ["Irak", "iraq"]


def test_resolve_json_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["resolve", "--json", "Khata'ib Hezbollah", "Nobody Knownname"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert records[0]["id"] == "kataib-hezbollah"
    assert records[1]["id"] is None


def test_resolve_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["resolve", "--explain", "Gen. Qasem Soleimani"]) == 0
    assert "title 'gen' set aside" in capsys.readouterr().out


def test_aliases_check_reports_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[[entity]]\nid = "x"\nname = "X"\nkind = "other"\nsources = ["s"]\n')
    assert cli.main(["aliases", "check", str(good)]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entity]]\nid = "x"\nname = "X"\nkind = "nation"\n')
    assert cli.main(["aliases", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.toml:line 1 [x]: unknown kind 'nation'" in err
    assert "no 'sources'" in err


def test_bundled_table_is_valid_and_counted(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["aliases", "check"]) == 0
    assert cli.main(["aliases", "stats", "--json"]) == 0
    out = capsys.readouterr().out
    stats = json.loads(out[out.index("{") :])
    assert stats["entities"] > 0


def test_usage_error_exits_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "canonym", "resolve"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "usage" in proc.stderr
