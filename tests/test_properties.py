"""Hypothesis properties of tables and resolvers built from generated names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import canonym

# Real name words in several transliteration traditions; generated names combine them.
WORDS = (
    "qassem soleimani sohrab ali khamenei mojtaba ruhollah khomeini hassan nasrallah hussein "
    "husseini saddam uday abu mahdi muhandis adel abdul jamal ibrahim bashar hafez assad maher "
    "vladimir putin volodymyr zelenskyy olena zelenska kim jong un il sung hamid hamad ahmed "
    "mohammed mahmoud omar amr said saad abbas abbasi yusuf ismail haniyeh yahya sinwar"
).split()

names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(
    lambda ws: " ".join(w.title() for w in ws)
)


def _table(entity_names: list[str]) -> canonym.AliasTable:
    seen: set[str] = set()
    records = []
    for i, name in enumerate(entity_names):
        if canonym.fold(name) in seen:
            continue
        seen.add(canonym.fold(name))
        records.append({"id": f"e{i}", "name": name, "kind": "person"})
    return canonym.AliasTable.from_records(records)


@settings(max_examples=60, deadline=None)
@given(st.lists(names, min_size=1, max_size=12))
def test_every_name_in_a_table_resolves_to_its_own_entity(entity_names: list[str]) -> None:
    table = _table(entity_names)
    resolver = canonym.Resolver(table)
    for entity in table:
        m = resolver.resolve(entity.name)
        assert m is not None and m.entity_id == entity.id
        # case, apostrophe style and a possessive change nothing
        m = resolver.resolve(entity.name.upper() + "’s")
        assert m is not None and m.entity_id == entity.id


@settings(max_examples=60, deadline=None)
@given(st.lists(names, min_size=2, max_size=12), names)
def test_resolve_is_deterministic_and_consistent_with_candidates(
    entity_names: list[str], query: str
) -> None:
    resolver = canonym.Resolver(_table(entity_names))
    first = resolver.resolve(query)
    assert resolver.resolve(query) == first
    if first is not None:
        top = resolver.candidates(query, limit=1)
        assert top and top[0].entity_id == first.entity_id


# Words far longer than any name's: a Wade-Giles syllable repeated (read one syllable at a
# time, recursively), and a blob with a near twin (the weighted edit distance fills a cell per
# pair of letters). Each function gives its ordinary answer; none raises.
_LONG_WORDS = ("hsi" * 3000, "ab" * 5000, "Tsung" * 2000)


def test_words_longer_than_any_name_get_ordinary_answers() -> None:
    table = canonym.AliasTable.from_records([{"id": "xi", "name": "Xi Jinping", "kind": "person"}])
    resolver = canonym.Resolver(table)
    for word in _LONG_WORDS:
        twin = word + "c"
        assert resolver.resolve(word) is None
        assert not canonym.compare(word, "Xi Jinping").same
        assert canonym.compare(word, twin).same
        assert len(canonym.cluster([word, twin, "Qasem Soleimani"])) == 2
        draft = f"Mr {word.title()} spoke. Then Qasem Soleimani left."
        assert canonym.check(draft, table=table) == []
