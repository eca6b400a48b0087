"""The on-disk cache of the bundled resolver: used when valid, never required."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from canonym import AliasTable, Resolver
from canonym._cache import cache_dir, cached_resolver, fingerprint

RECORDS = [
    {"id": "iraq", "name": "Iraq", "kind": "place", "spellings": ["Irak"]},
    {"id": "iran", "name": "Iran", "kind": "place", "distinct": ["iraq"]},
    {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person"},
]
QUERIES = ["Irak", "Iran", "IRAQ", "Ghasem Soleymani", "nobody", ""]


class CountingBuild:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Resolver:
        self.calls += 1
        return Resolver(AliasTable.from_records(RECORDS))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CANONYM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CANONYM_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _answers(r: Resolver) -> list[object]:
    return [r.resolve(q) for q in QUERIES] + [r.candidates("Irun")]


def test_second_load_comes_from_the_cache_and_answers_the_same(cache: Path) -> None:
    build = CountingBuild()
    first = cached_resolver(build)
    assert build.calls == 1 and len(list(cache.glob("bundled-*.pickle"))) == 1
    second = cached_resolver(build)
    assert build.calls == 1
    assert second is not first and _answers(second) == _answers(first)
    assert len(second) == len(first) and second.threshold == first.threshold


def test_a_corrupt_cache_file_is_rebuilt_and_replaced(cache: Path) -> None:
    build = CountingBuild()
    cached_resolver(build)
    (path,) = cache.glob("bundled-*.pickle")
    path.write_bytes(b"not a pickle")
    again = cached_resolver(build)
    assert build.calls == 2 and _answers(again) == _answers(build())
    assert path.read_bytes() != b"not a pickle"


def test_caching_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANONYM_NO_CACHE", "1")
    assert cache_dir() is None
    build = CountingBuild()
    cached_resolver(build)
    cached_resolver(build)
    assert build.calls == 2 and not cache.exists()


def test_an_unwritable_cache_directory_only_costs_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("CANONYM_CACHE_DIR", str(blocker / "cache"))
    build = CountingBuild()
    assert cached_resolver(build).resolve("Irak") is not None
    assert cached_resolver(build).resolve("Irak") is not None
    assert build.calls == 2


def test_the_key_changes_with_the_table_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[[entity]]\nid = "x"\nname = "X"\nsources = ["s"]\n')
    before = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == before
    (tmp_path / "a.toml").write_text('[[entity]]\nid = "x"\nname = "Y"\nsources = ["s"]\n')
    edited = fingerprint(tmp_path)
    assert edited != before
    (tmp_path / "b.toml").write_text("")
    assert fingerprint(tmp_path) not in (before, edited)


def test_default_cache_location_follows_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CANONYM_CACHE_DIR", raising=False)
    monkeypatch.delenv("CANONYM_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", os.path.join(os.sep, "somewhere"))
    assert cache_dir() == Path(os.sep, "somewhere", "canonym")
