"""Importers (OFAC's CSV, any CSV/TSV), TOML output, and merging tables with overrides.

Expected outputs live in tests/data/importer_*; the real OFAC publication is used when
../shared/data is present (tests/shared_data.py).
"""

from __future__ import annotations

import csv
import dataclasses
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import REAL, read_tsv, require

import canonym
from canonym import AliasTable, AliasTableError, Entity, Resolver, cli, fold, importers, normalize

DATA = Path(__file__).resolve().parent / "data"
SDN = DATA / "importer_ofac_sdn.csv"
ALT = DATA / "importer_ofac_alt.csv"


def _fields(entity: Entity) -> Entity:
    """An entity without its origin (where it was read from), for comparisons."""
    return dataclasses.replace(entity, origin="")


def _assert_same_tables(got: AliasTable, expected: AliasTable, *, ordered: bool = True) -> None:
    ids, expected_ids = [e.id for e in got], [e.id for e in expected]
    if ordered:
        assert ids == expected_ids
    else:  # TOML written by write_toml comes back grouped by kind
        assert sorted(ids) == sorted(expected_ids)
    for entity in got:
        assert _fields(entity) == _fields(expected[entity.id])


# -- OFAC's CSV format -------------------------------------------------------------------------


def test_ofac_fixture_has_the_published_quirks() -> None:
    raw = SDN.read_bytes()
    assert raw.endswith(b"\r\n\x1a") and b"\r\n" in raw[:-3] and b"-0- ," in raw
    assert ALT.read_bytes().endswith(b"\r\n\x1a")


def test_ofac_matches_the_expected_table() -> None:
    table = importers.ofac(SDN, ALT)
    _assert_same_tables(table, AliasTable.load(DATA / "importer_ofac_expected.toml"))


def test_ofac_reads_lf_files_without_the_eof_byte_the_same(tmp_path: Path) -> None:
    for src in (SDN, ALT):
        text = src.read_bytes().decode("ascii").rstrip("\x1a").replace("\r\n", "\n")
        (tmp_path / src.name).write_text(text, encoding="utf-8", newline="\n")
    _assert_same_tables(
        importers.ofac(tmp_path / SDN.name, tmp_path / ALT.name), importers.ofac(SDN, ALT)
    )


def test_ofac_without_alt_file_has_no_strong_aliases() -> None:
    table = importers.ofac(SDN)
    assert len(table) == 9
    assert all(not e.aliases for e in table)
    assert table["ofac:9902"].weak == ("ETC", "OLD EXAMPLE")


def _remark_cases() -> list[tuple[str, list[str], str]]:
    with open(DATA / "importer_ofac_remarks.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["remarks"], r["weak"].split(" | ") if r["weak"] else [], r["why"]) for r in rows]


@pytest.mark.parametrize(("remarks", "expected", "why"), _remark_cases())
def test_ofac_weak_aliases_from_remarks(remarks: str, expected: list[str], why: str) -> None:
    assert importers.ofac_weak_aliases(remarks) == expected, why


def test_ofac_homonyms_and_weak_aliases_when_resolving() -> None:
    resolver = Resolver(importers.ofac(SDN, ALT))
    for ambiguous in ("HADDAD, Karim", "Karim Haddad", "NSG"):
        assert resolver.resolve(ambiguous) is None, ambiguous
    assert [m.entity_id for m in resolver.candidates("NSG")] == ["ofac:9907", "ofac:9908"]
    m = resolver.resolve("Example Holding")
    assert m is not None and m.entity_id == "ofac:9902"
    assert resolver.resolve("ETC") is None  # weak: never resolves alone ...
    assert [(c.entity_id, c.method) for c in resolver.candidates("ETC")] == [("ofac:9902", "weak")]


def test_ofac_reports_files_that_are_not_ofac_layout(tmp_path: Path) -> None:
    with pytest.raises(AliasTableError, match=r"line 1: 5 columns, not OFAC's 12 \(is this alt"):
        importers.ofac(ALT, SDN)
    orphan = tmp_path / "alt.csv"
    orphan.write_text('1234,1,"aka","NOBODY",-0- \r\n', encoding="utf-8")
    with pytest.raises(AliasTableError) as info:
        importers.ofac(SDN, orphan)
    (problem,) = info.value.problems
    assert (problem.location, problem.entity_id) == ("line 1", "ofac:1234")
    assert "missing from sdn.csv" in problem.message
    odd = tmp_path / "odd.csv"
    odd.write_text('9901,1,"weak aka","SAMPLE",-0- \r\n', encoding="utf-8")
    with pytest.raises(AliasTableError, match="unknown alt_type 'weak aka'"):
        importers.ofac(SDN, odd)
    twice = tmp_path / "twice.csv"
    twice.write_bytes(SDN.read_bytes().rstrip(b"\x1a") * 2)
    with pytest.raises(AliasTableError, match="line 10 \\[ofac:9901\\]: ent_num appears twice"):
        importers.ofac(twice)


def test_ofac_encoding(tmp_path: Path) -> None:
    latin = tmp_path / "sdn.csv"
    latin.write_bytes(
        '77,"PEÑA, José","individual","SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'.encode(
            "cp1252"
        )
    )
    with pytest.raises(AliasTableError, match=r"not utf-8: .*encoding="):
        importers.ofac(latin)
    assert importers.ofac(latin, encoding="cp1252")["ofac:77"].name == "PEÑA, José"


def test_ofac_type_errors_name_the_argument() -> None:
    with pytest.raises(TypeError, match="'sdn_csv' must be str or Path, not int"):
        importers.ofac(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'alt_csv' must be str or Path, not bytes"):
        importers.ofac(SDN, b"alt.csv")  # type: ignore[arg-type]


def test_empty_ofac_file_gives_an_empty_table(tmp_path: Path) -> None:
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"\x1a")
    assert len(importers.ofac(empty)) == 0


def test_importers_module_is_lazy_attribute() -> None:
    assert canonym.importers is importers


# -- any CSV/TSV -------------------------------------------------------------------------------


def test_from_csv_with_a_role_column() -> None:
    table = AliasTable.from_csv(
        DATA / "importer_names.tsv",
        id="entity_id",
        kind="kind",
        role="name_type",
        roles={"variant": None},
        kinds={"company": "organization", "vessel": "other"},
        source="fixture",
    )
    _assert_same_tables(table, AliasTable.load(DATA / "importer_names_expected.toml"))


def test_from_csv_with_an_alias_column() -> None:
    table = AliasTable.from_csv(
        DATA / "importer_aliases.csv", alias="alias", kind="type", source="fixture"
    )
    _assert_same_tables(table, AliasTable.load(DATA / "importer_aliases_expected.toml"))


def _write(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_from_csv_sniffs_the_delimiter(tmp_path: Path) -> None:
    for sep in (";", "|", "\t", ","):
        path = _write(tmp_path, f'id{sep}name\na{sep}"Sample, Ltd"\na{sep}Sample\n')
        table = AliasTable.from_csv(path)
        assert (table["a"].name, table["a"].aliases) == ("Sample, Ltd", ("Sample",)), repr(sep)
    tsv = _write(tmp_path, "id\tname\na\tSample, Ltd\n", "t.tsv")
    assert AliasTable.from_csv(tsv)["a"].name == "Sample, Ltd"
    forced = _write(tmp_path, "id,name;x\na,b;c\n")
    assert AliasTable.from_csv(forced, name="name;x", delimiter=",")["a"].name == "b;c"


@pytest.mark.parametrize(
    ("text", "kwargs", "message", "location", "entity"),
    [
        ("id,label\na,A\n", {}, "no column for name='name' (columns: id, label)", "line 1", ""),
        ("id,name,r\na,A,primary\na,B,nickname\n", {"role": "r"}, "unknown role", "line 3", "a"),
        ("id,name,r\na,A,name\na,B,primary\n", {"role": "r"}, "a second name 'B'", "line 3", "a"),
        ("id,name\n,A\n", {}, "empty id", "line 2", ""),
        (
            "id,name,k\na,A,person\na,B,place\n",
            {"kind": "k"},
            "kind 'place' differs",
            "line 3",
            "a",
        ),
        ("id,name,k\na,A,nation\n", {"kind": "k"}, "unknown kind 'nation'", "line 2", "a"),
        ("id,name,r\na,A,weak\n", {"role": "r"}, "empty or missing 'name'", "line 2", "a"),
        ("id,name\nA B,A\n", {}, "malformed id", "line 2", "A B"),
    ],
)
def test_from_csv_problems_name_file_line_and_entity(
    tmp_path: Path, text: str, kwargs: dict[str, str], message: str, location: str, entity: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(AliasTableError) as info:
        AliasTable.from_csv(path, **kwargs)  # type: ignore[arg-type]
    problem = next(p for p in info.value.problems if message in p.message)
    assert (problem.source, problem.location, problem.entity_id) == (str(path), location, entity)


def test_from_csv_shared_names(tmp_path: Path) -> None:
    path = _write(tmp_path, "id,name\na,Karim Haddad\nb,Karim Haddad\nc,Other\n")
    table = AliasTable.from_csv(path)
    assert table.distinct_from("a") == {"b"} and not table.distinct_from("c")
    assert Resolver(table).resolve("Karim Haddad") is None
    with pytest.raises(AliasTableError, match="is also name 'Karim Haddad' of 'a'"):
        AliasTable.from_csv(path, shared_names="error")
    with pytest.raises(ValueError, match="'shared_names' must be 'error' or 'distinct'"):
        AliasTable.from_csv(path, shared_names="merge")


def test_from_csv_bad_arguments(tmp_path: Path) -> None:
    path = _write(tmp_path, "id,name\na,A\n")
    with pytest.raises(TypeError, match="'path' must be str or Path, not int"):
        AliasTable.from_csv(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'name' must be str, not int"):
        AliasTable.from_csv(path, name=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'alias' must be str or None"):
        AliasTable.from_csv(path, alias=["x"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'delimiter' must be one character"):
        AliasTable.from_csv(path, delimiter="::")
    with pytest.raises(ValueError, match="unknown fields: x=names"):
        AliasTable.from_csv(path, roles={"x": "names"})
    with pytest.raises(FileNotFoundError):
        AliasTable.from_csv(tmp_path / "missing.csv")


def test_from_csv_empty_files(tmp_path: Path) -> None:
    assert len(AliasTable.from_csv(_write(tmp_path, ""))) == 0
    assert len(AliasTable.from_csv(_write(tmp_path, "id,name\r\n\r\n"))) == 0


# -- merging -----------------------------------------------------------------------------------

BUNDLED: list[dict[str, object]] = [
    {"id": "kyiv", "name": "Kyiv", "kind": "place", "aliases": ["Kiev"], "sources": ["s1"]},
    {
        "id": "qassem-soleimani",
        "name": "Qassem Soleimani",
        "kind": "person",
        "spellings": ["Qasem Soleimani"],
        "weak": ["Haj Qassem"],
        "distinct": ["sohrab-soleimani"],
        "note": "curated",
    },
    {"id": "sohrab-soleimani", "name": "Sohrab Soleimani", "kind": "person"},
]


def test_merge_later_table_overrides_fields() -> None:
    bundled = AliasTable.from_records(BUNDLED)
    house = AliasTable.from_records(
        [
            {"id": "kyiv", "name": "Kiev", "sources": ["house"]},  # renamed; kind not restated
            {"id": "qassem-soleimani", "name": "Qassem Soleimani", "aliases": ["Haj Qassem"]},
            {"id": "new-one", "name": "New One", "kind": "person"},
        ]
    )
    merged = bundled | house
    assert [e.id for e in merged] == ["kyiv", "qassem-soleimani", "sohrab-soleimani", "new-one"]
    kyiv = merged["kyiv"]
    assert (kyiv.name, kyiv.kind, kyiv.spellings, kyiv.aliases) == ("Kiev", "place", ("Kyiv",), ())
    assert kyiv.sources == ("s1", "house")
    qs = merged["qassem-soleimani"]
    assert qs.aliases == ("Haj Qassem",) and qs.weak == ()  # promoted from weak to alias
    assert qs.spellings == ("Qasem Soleimani",) and qs.note == "curated"
    assert merged.distinct_from("sohrab-soleimani") == {"qassem-soleimani"}
    resolver = Resolver(merged)
    for query, expected in (("Kyiv", "kyiv"), ("Haj Qassem", "qassem-soleimani")):
        m = resolver.resolve(query)
        assert m is not None and m.entity_id == expected, query
    assert len(bundled) == 3 and bundled["kyiv"].name == "Kyiv"  # the inputs are untouched


def test_merge_forms_agree_and_later_kind_wins_unless_other() -> None:
    a = AliasTable.from_records([{"id": "x", "name": "X", "kind": "person"}])
    b = AliasTable.from_records([{"id": "x", "name": "X", "kind": "organization"}])
    c = AliasTable.from_records([{"id": "x", "name": "X"}])
    assert (a | b)["x"].kind == "organization"
    assert (a | c)["x"].kind == "person"
    assert AliasTable.merge(a, b, c)["x"].kind == a.merge(b).merge(c)["x"].kind == "organization"
    assert len(a.merge()) == 1


def test_merge_reports_conflicts() -> None:
    bundled = AliasTable.from_records(BUNDLED)
    theirs = AliasTable.from_records(
        [
            {"id": "kiev-oblast", "name": "Kiev Oblast", "aliases": ["Kiev"]},
            {"id": "q", "name": "Qasem Soleimani"},
        ]
    )
    with pytest.raises(AliasTableError) as info:
        bundled | theirs
    messages = sorted(p.message for p in info.value.problems)
    assert len(messages) == 2
    assert "alias 'Kiev' is also alias 'Kiev' of 'kiev-oblast'" in messages[0]
    assert "spelling 'Qasem Soleimani' is also name 'Qasem Soleimani' of 'q'" in messages[1]
    linked = bundled.merge(theirs, on_conflict="distinct")
    assert linked.distinct_from("kyiv") == {"kiev-oblast"}
    assert Resolver(linked).resolve("Kiev") is None  # both claim it: ambiguous, no guess


def test_merge_bad_arguments() -> None:
    table = AliasTable.from_records(BUNDLED)
    with pytest.raises(TypeError, match="merge\\(\\) argument 1 must be AliasTable, not dict"):
        table.merge({"id": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        table | 3
    with pytest.raises(ValueError, match="'on_conflict' must be 'error' or 'distinct'"):
        table.merge(table, on_conflict="later")
    assert [_fields(e) for e in table | table] == [_fields(e) for e in table]


# -- TOML output and the command line ---------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.lists(_TEXT, max_size=3), _TEXT), min_size=1, max_size=6))
def test_toml_round_trip(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, list[str], str]]
) -> None:
    records = []
    for i, (name, aliases, note) in enumerate(rows):
        if not fold(name):
            continue
        records.append(
            {
                "id": f"e{i}",
                "name": name,
                "aliases": [a for a in aliases if normalize(a) and fold(a)],
                "sources": ['say "where", \\ here'],
                "note": note,
            }
        )
    table = AliasTable.from_records(records, shared_names="distinct")
    folder = tmp_path_factory.mktemp("toml")
    importers.write_toml(table, folder)
    if len(table):
        _assert_same_tables(AliasTable.load(folder), table, ordered=False)


def test_write_toml_refuses_to_overwrite(tmp_path: Path) -> None:
    table = importers.ofac(SDN, ALT)
    paths = importers.write_toml(table, tmp_path / "out", stem="ofac")
    assert [p.name for p in paths] == [
        "ofac-organization.toml",
        "ofac-other.toml",
        "ofac-person.toml",
    ]
    with pytest.raises(FileExistsError, match="overwrite=True"):
        importers.write_toml(table, tmp_path / "out", stem="ofac")
    importers.write_toml(table, tmp_path / "out", stem="ofac", overwrite=True)
    with pytest.raises(TypeError, match="'table' must be AliasTable"):
        importers.write_toml([], tmp_path)  # type: ignore[arg-type]


def test_cli_import_ofac(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ofac"
    assert cli.main(["aliases", "import", "ofac", str(SDN), str(ALT), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("9 entities (organization 3, other 2, person 4)")
    _assert_same_tables(AliasTable.load(out), importers.ofac(SDN, ALT), ordered=False)
    assert cli.main(["aliases", "check", str(out)]) == 0
    assert cli.main(["aliases", "import", "ofac", str(SDN), str(ALT), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli.main(["aliases", "import", "ofac", str(ALT), "-o", str(tmp_path / "x")]) == 2
    assert "is this alt.csv?" in capsys.readouterr().err


def test_cli_import_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "names"
    argv = ["aliases", "import", "csv", str(DATA / "importer_names.tsv"), "--id", "entity_id"]
    argv += ["--kind", "kind", "--role", "name_type", "--role-map", "variant=skip"]
    argv += ["--kind-map", "company=organization", "--kind-map", "vessel=other", "-o", str(out)]
    assert cli.main([*argv, "--source", "fixture"]) == 0
    expected = AliasTable.load(DATA / "importer_names_expected.toml")
    _assert_same_tables(AliasTable.load(out), expected, ordered=False)
    assert cli.main([*argv, "--force"]) == 0
    assert AliasTable.load(out)["gaza-sample"].sources == ("import: importer_names.tsv",)
    with pytest.raises(SystemExit) as info:
        cli.main([*argv, "--role-map", "variant"])
    assert info.value.code == 2


# -- the real OFAC publication (when ../shared/data is present) ------------------------------

OFAC_RAW = REAL / "ofac_sdn_2023-12-28_raw"
OFAC_NAMES = REAL / "ofac_sdn_2023-12-28_names.tsv"
STRONG_TYPES = {"aka", "fka", "nka"}


@pytest.fixture(scope="module")
def ofac_table() -> AliasTable:
    return importers.ofac(require(OFAC_RAW / "sdn.csv"), require(OFAC_RAW / "alt.csv"))


def test_real_ofac_import_counts(ofac_table: AliasTable) -> None:
    assert len(ofac_table) == 13_821
    assert Counter(e.kind for e in ofac_table) == {
        "person": 6_646,
        "organization": 6_033,
        "other": 1_142,
    }
    assert all(e.id.startswith("ofac:") and e.sources == (e.id,) for e in ofac_table)
    with open(OFAC_RAW / "alt.csv", "rb") as f:
        published_alt_rows = f.read().count(b"\r\n")
    assert published_alt_rows == 17_091
    # Three aka rows repeat their entry's own name and are kept once, as the name.
    assert sum(len(e.aliases) for e in ofac_table) == 17_088
    assert sum(len(e.weak) for e in ofac_table) == 3_369


def test_real_ofac_aliases_as_published(ofac_table: AliasTable) -> None:
    """Every strong and weak alias agrees with the shared names.tsv, derived independently."""
    expected: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"strong": [], "weak": []})
    primary: dict[str, str] = {}
    for row in read_tsv(OFAC_NAMES):
        if row["name_type"] == "primary":
            primary[row["entity_id"]] = row["name"]
        else:
            group = "strong" if row["name_type"] in STRONG_TYPES else "weak"
            expected[row["entity_id"]][group].append(normalize(row["name"]))
    mismatches: list[tuple[object, ...]] = []
    for entity in ofac_table:
        want = expected.get(entity.id, {"strong": [], "weak": []})
        got = {"strong": list(entity.aliases), "weak": list(entity.weak)}
        if entity.id in primary and normalize(primary[entity.id]) != entity.name:
            mismatches.append((entity.id, "name", entity.name, primary[entity.id]))
        if got != want:
            mismatches.append((entity.id, "aliases", got, want))
    assert not mismatches, mismatches[:10]
    assert len(primary) == 7_374


def test_real_names_tsv_through_from_csv_agrees(ofac_table: AliasTable) -> None:
    table = AliasTable.from_csv(
        require(OFAC_NAMES),
        id="entity_id",
        kind="kind",
        role="name_type",
        kinds={"vessel": "other", "aircraft": "other"},
    )
    assert len(table) == 7_374
    for entity in table:
        imported = ofac_table[entity.id]
        assert (entity.name, entity.kind, entity.aliases, entity.weak) == (
            imported.name,
            imported.kind,
            imported.aliases,
            imported.weak,
        ), entity.id


def test_real_ofac_primary_names_resolve_to_their_own_id(ofac_table: AliasTable) -> None:
    """Each OFAC primary name resolves to its own ofac: ID, or to no ID when it is ambiguous.

    Ambiguous: another entry claims the very same string (up to case) as its own primary name or
    strong alias. On this publication 16 primary names are shared letter for letter by 35
    entries; counting the other entries' aliases, 58 primary names are claimed twice. A name
    that another entry writes with other punctuation ("CORPORACION CIMEX, S.A." beside
    "CORPORACION CIMEX S.A.") still resolves: the exact writing decides.
    """
    claimants: dict[str, set[str]] = defaultdict(set)
    for entity in ofac_table:
        for s in (*entity.names(), *entity.short):
            claimants[s.casefold()].add(entity.id)
    exact_shared = Counter(e.name for e in ofac_table)
    assert sum(1 for n in exact_shared.values() if n > 1) == 16
    resolver = Resolver(ofac_table)
    names = [e.name for e in ofac_table]
    results = resolver.resolve_many(names)
    wrong = []
    ambiguous = 0
    for entity, match in zip(ofac_table, results, strict=True):
        shared = len(claimants[entity.name.casefold()]) > 1
        ambiguous += shared
        expected = None if shared else entity.id
        got = match.entity_id if match else None
        if exact_shared[entity.name] > 1:
            assert shared
        if got != expected:
            wrong.append((entity.id, entity.name, expected, got))
    assert not wrong, f"{len(wrong)} primary names resolve wrongly: {wrong[:20]}"
    assert ambiguous == 58  # the 35 sharing a primary name, and 23 claimed by another's aka


def test_real_ofac_toml_round_trip(ofac_table: AliasTable, tmp_path: Path) -> None:
    importers.write_toml(ofac_table, tmp_path, stem="ofac")
    _assert_same_tables(AliasTable.load(tmp_path), ofac_table, ordered=False)
