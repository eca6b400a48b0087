"""The bundled table: valid, and every name, spelling, alias and short form resolves to itself."""

from __future__ import annotations

import canonym


def test_bundled_table_loads_and_has_sources(default_table: canonym.AliasTable) -> None:
    assert len(default_table) > 0
    assert all(entity.sources for entity in default_table)


def test_every_name_resolves_to_its_own_entity(
    default_table: canonym.AliasTable, default_resolver: canonym.Resolver
) -> None:
    wrong = []
    for entity in default_table:
        for name in (*entity.names(), *entity.short):
            m = default_resolver.resolve(name)
            if m is None or m.entity_id != entity.id:
                shared = [
                    e.id for e in default_table if e.id in default_table.distinct_from(entity.id)
                ]
                # A string two distinct entities both claim is ambiguous by design.
                claimed_twice = any(
                    canonym.fold(name)
                    in {
                        canonym.fold(n)
                        for n in (*default_table[o].names(), *default_table[o].short)
                    }
                    for o in shared
                )
                if not (m is None and claimed_twice):
                    wrong.append((entity.id, name, m.entity_id if m else None))
    assert not wrong, f"{len(wrong)} names do not resolve to their entity: {wrong[:30]}"


def test_importing_canonym_loads_no_table() -> None:
    import subprocess
    import sys

    code = "import canonym, sys; sys.exit(canonym.AliasTable._default is not None)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_bare_surname_near_a_city_spelling_is_ambiguous(default_resolver: canonym.Resolver) -> None:
    # "Solemani" is one dropped vowel from Soleimani and one from the Kurdish city name Slemani:
    # no ID without context, both shown; a title makes it a person.
    assert default_resolver.resolve("Solemani") is None
    ids = [m.entity_id for m in default_resolver.candidates("Solemani")]
    assert ids[:2] == ["qassem-soleimani", "sulaymaniyah"]
    titled = default_resolver.resolve("Sheikh Solemani")
    assert titled is not None and titled.entity_id == "qassem-soleimani"


def test_two_romanisations_of_a_chinese_name_are_one_name_two_ways(
    default_resolver: canonym.Resolver,
) -> None:
    # The table lists Wade-Giles and Pinyin forms of one reading as spellings: a draft that
    # mixes them is told to keep the table's name; one that keeps to one is left alone.
    mixed = "Mao Zedong met Zhou Enlai. Later Mao Tse-tung and Chou En-lai fell out."
    found = {(f.text, f.suggestion) for f in canonym.check(mixed, table=default_resolver)}
    assert found == {("Mao Tse-tung", "Mao Zedong"), ("Chou En-lai", "Zhou Enlai")}
    steady = "Mao Tse-tung met Chou En-lai. Mao Tse-tung spoke first."
    assert canonym.check(steady, table=default_resolver) == []
