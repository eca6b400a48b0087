"""Organisations named in another language (``aliases/org-words/translations.toml``).

Every word the list translates is held as behaviour: the word beside a name resolves to the
table's body of the English word beside that name. The expected cases of
``tests/data/translated_org_cases.tsv`` hold the route's conditions: every word met, in any
order, a name or a place among them, one body of the table so met.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canonym import AliasTable, Resolver
from canonym._name_words import tomllib
from canonym._org_words import content_words, same_words
from canonym.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "aliases" / "org-words" / "translations.toml"
LANGUAGES = tomllib.loads(LIST.read_text("utf-8"))["language"]
ENTRIES = [
    (lang["name"], word, meaning) for lang in LANGUAGES for word, meaning in lang["words"].items()
]
# A made-up name: no list's word, no place, far from every English word of the list.
NAME = "Zorvanek"


def _cases() -> list[dict[str, str]]:
    with open(ROOT / "tests" / "data" / "translated_org_cases.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_every_language_has_its_name_sources_function_words_and_words() -> None:
    for lang in LANGUAGES:
        assert set(lang) == {"name", "sources", "apart", "words"}, lang.get("name")
        assert lang["name"].strip() and lang["sources"]
        assert all(isinstance(w, str) and w.strip() for w in lang["apart"])
        for word, meaning in lang["words"].items():
            assert word.strip() and " " not in word, (lang["name"], word)
            ok_text = isinstance(meaning, str) and meaning.strip()
            ok_list = isinstance(meaning, list) and all(isinstance(m, str) for m in meaning)
            assert ok_text or ok_list, (lang["name"], word)


def test_no_entry_is_english_as_written_nor_a_function_word() -> None:
    """An entry that folds to its own English word (résistance) says nothing; one that is a
    function word of some language would never be read."""
    apart = {fold(w) for lang in LANGUAGES for w in lang["apart"]}
    for lang_name, word, meaning in ENTRIES:
        assert fold(word) != meaning, (lang_name, word)
        assert fold(word) not in apart, (lang_name, word)


def test_a_word_read_in_two_languages_means_one_thing() -> None:
    meanings: dict[str, set[str]] = {}
    for _, word, meaning in ENTRIES:
        meanings.setdefault(fold(word), set()).add(str(meaning))
    assert {w: m for w, m in meanings.items() if len(m) > 1} == {}


@pytest.mark.parametrize(("language", "word", "meaning"), ENTRIES, ids=lambda v: str(v))
def test_every_listed_word_is_read_as_its_english_word(
    language: str, word: str, meaning: str | list[str]
) -> None:
    english = meaning if isinstance(meaning, str) else meaning[0]
    table = AliasTable.from_records(
        [{"id": "body", "name": f"{english.title()} {NAME}", "kind": "organization"}]
    )
    m = Resolver(table).resolve(f"{word} {NAME}")
    assert m is not None and m.entity_id == "body", language


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["query"])
def test_organisations_named_in_another_language(case: dict[str, str]) -> None:
    """A query against a table of organisations (the entities separated by " ; ", each one's
    name then aliases by " | ", numbered from 1): the expected one, or none."""
    records = []
    for n, entity in enumerate(case["table"].split(" ; "), 1):
        name, *aliases = entity.split(" | ")
        records.append({"id": str(n), "name": name, "kind": "organization", "aliases": aliases})
    m = Resolver(AliasTable.from_records(records)).resolve(case["query"])
    assert (m.entity_id if m is not None else "") == case["expected"], case["why"]


def test_a_person_is_never_met_so() -> None:
    table = AliasTable.from_records([{"id": "p", "name": "Mahdi Army", "kind": "person"}])
    assert Resolver(table).resolve("Armée du Mahdi") is None


@given(st.text(max_size=60), st.text(max_size=60))
def test_reading_any_text_is_safe_and_a_name_is_its_own_words(a: str, b: str) -> None:
    words = content_words(a)
    assert all(w.english and all(e and " " not in e for e in w.english) for w in words)
    assert same_words(words, words)
    assert same_words(words, content_words(b)) == same_words(content_words(b), words)
