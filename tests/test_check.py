"""canonym.check and ``canonym check``: the issue's "done when" tests, the case file, offsets."""

from __future__ import annotations

import gc
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import DEV, SHARED, dev_records, require

import canonym
from canonym import cli, mentions
from canonym.check import Finding, check
from canonym.mentions import find_mentions, index_for

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DOCS = ROOT / "docs" / "check.md"
EXAMPLE = ROOT / "examples" / "militia-talks.md"
FIXTURE = canonym.AliasTable.load(DATA / "check_table.toml")
EMPTY = canonym.AliasTable()
MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)(?:\|(\w+))?\]\]")


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    text: str
    suggestion: str
    kind: str


def strip_marks(marked: str) -> tuple[str, list[Expected]]:
    """The text with ``[[written|suggestion(|kind)]]`` marks removed, and the marked spans."""
    out: list[str] = []
    expected: list[Expected] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        written, suggestion, kind = m.group(1), m.group(2), m.group(3) or "inconsistent"
        expected.append(Expected(length, length + len(written), written, suggestion, kind))
        out.append(written)
        length += len(written)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), expected


def assert_exact(text: str, findings: list[Finding]) -> None:
    """Every finding's span, text, line and column agree with the text as given."""
    for f in findings:
        assert text[f.start : f.end] == f.text
        before = text[: f.start]
        lines = re.split(r"\r\n|\r|\n", before)
        assert (f.line, f.column) == (len(lines), len(lines[-1]) + 1)


def as_expected(findings: list[Finding]) -> list[Expected]:
    return [Expected(f.start, f.end, f.text, f.suggestion, f.kind) for f in findings]


# -- the case file ----------------------------------------------------------------------------


def read_cases() -> list[tuple[str, str, bool, str]]:
    """(name, table, variants, marked text) for each case of tests/data/check_cases.md."""
    raw = (DATA / "check_cases.md").read_text(encoding="utf-8")
    cases = []
    for block in raw.split("\n## ")[1:]:
        name, options, body = block.split("\n", 2)
        opts = options.removeprefix("options:").split()
        table = next(o.split("=", 1)[1] for o in opts if o.startswith("table="))
        cases.append((name.strip(), table, "variants" in opts, body.strip("\n")))
    return cases


CASES = read_cases()


@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize(("name", "table", "variants", "marked"), CASES, ids=[c[0] for c in CASES])
def test_case_file(name: str, table: str, variants: bool, marked: str, line_end: str) -> None:
    text, expected = strip_marks(marked.replace("\n", line_end))
    findings = check(text, table=FIXTURE if table == "fixture" else EMPTY, variants=variants)
    assert_exact(text, findings)
    assert as_expected(findings) == expected


def test_case_file_is_read() -> None:
    assert len(CASES) >= 20
    assert all(table in ("fixture", "empty") for _, table, _, _ in CASES)


# -- the "done when" ------------------------------------------------------------------


def test_seed_article_with_the_bundled_table() -> None:
    text = require(SHARED / "seed-article.txt").read_text(encoding="utf-8")
    findings = check(text)
    assert_exact(text, findings)
    by_text: dict[str, list[Finding]] = {}
    for f in findings:
        by_text.setdefault(f.text, []).append(f)
    # "Solemani" is flagged against Soleimani.
    (solemani,) = by_text.pop("Solemani")
    assert solemani.suggestion == "Soleimani"
    assert solemani.entity_id == canonym.resolve("Qassem Soleimani").entity_id  # type: ignore[union-attr]
    # Kata'ib / Khata'ib Hezbollah: one entity spelled two ways (every Khata'ib flagged).
    khataib = by_text.pop("Khata’ib Hezbollah")
    assert len(khataib) == text.count("Khata’ib Hezbollah") == 5
    kataib_id = canonym.resolve("Kata'ib Hezbollah").entity_id  # type: ignore[union-attr]
    assert {f.entity_id for f in khataib} == {kataib_id}
    assert {f.suggestion for f in khataib} == {"Kata'ib Hezbollah"}
    assert all("Kata'ib Hezbollah" in f.message and "Khata'ib" in f.message for f in khataib)
    # Correct usage is never flagged.
    correct = {"Soleimani", "Ridha", "al-Muhandis", "Abdul Mahdi", "Hezbollah", "Iran", "Iraq"}
    correct |= {"Kata’ib Hezbollah", "Qassem Soleimani", "Abu Mahdi al-Muhandis"}
    assert not correct & set(by_text)
    # Any further finding is justified in the docs page.
    justified = _justified_seed_findings()
    assert set(by_text) <= justified, f"unjustified findings: {set(by_text) - justified}"


def _justified_seed_findings() -> set[str]:
    """Texts listed under "Further findings on the seed article" in docs/check.md."""
    doc = DOCS.read_text(encoding="utf-8")
    section = doc.split("### Further findings on the seed article", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^- `([^`]+)`", section, flags=re.MULTILINE))


def _dev_drafts() -> list[tuple[str, str, list[Expected]]]:
    raw = require(DEV / "drafts.md").read_text(encoding="utf-8")
    drafts = []
    for block in raw.split("\n## ")[1:]:
        name, body = block.split("\n", 1)
        text, expected = strip_marks(body)
        drafts.append((name.strip(), text, expected))
    return drafts


@pytest.mark.parametrize("table_kind", ["entities.tsv", "empty"])
def test_dev_drafts(table_kind: str) -> None:
    table = (
        canonym.AliasTable.from_records(dev_records()) if table_kind == "entities.tsv" else EMPTY
    )
    drafts = _dev_drafts()
    assert len(drafts) == 3 and all(expected for _, _, expected in drafts)
    for name, text, expected in drafts:
        findings = check(text, table=table)
        assert_exact(text, findings)
        got = [(f.start, f.end, f.text, f.suggestion) for f in findings]
        want = [(e.start, e.end, e.text, e.suggestion) for e in expected]
        assert got == want, name


# -- offsets (Hypothesis) ---------------------------------------------------------------------

_FRAGMENTS = [
    "Qassem Soleimani",
    "Soleimani",
    "Solemani",
    "Soleimani’s",
    "Kata'ib Hezbollah",
    "Khata’ib Hezbollah",
    "Hezbollah",
    "Iran",
    "Iraq",
    "Nechirvan Barzani",
    "Nechirvan Barazani",
    "Barzani",
    "said",
    "the",
    "officials",
    ".",
    ",",
    " ",
    "\t",
    "\r\n",
    "\n",
    "\r",
    "\n\n",
    "🇮🇷",
    "👩‍👩‍👧",
    "🙂",
    "e\u0301",
    "\u0301",
    "Ḥ",
    "Soleima\u0301ni",
    "é",
    "\u200b",
    "—",
    "-",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40), st.sampled_from(["fixture", "empty"]))
def test_offsets_are_exact(parts: list[str], table: str) -> None:
    text = " ".join(parts)
    findings = check(text, table=FIXTURE if table == "fixture" else EMPTY)
    assert_exact(text, findings)


_ALPHABET = st.sampled_from(
    [
        *"AaBbEeIiKkLlMmNnQqSsHhUuÉéÖöıİß'’-.,;:!? \t\r\n#`*_/()",
        *["\u0301", "\u0308", "\u200b", "\u200d", "🇮🇷", "🙂", "\ufeff", "ʿ", "ك", "中", "\u00a0"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join), st.sampled_from(["fixture", "empty"]))
def test_any_text_is_safe(text: str, table: str) -> None:
    findings = check(text, table=FIXTURE if table == "fixture" else EMPTY)
    assert_exact(text, findings)


_NEUTRAL_PREFIXES = ["🙂\t\r\n\r\n", "e\u0301\u0301 —\n\n", "\t\t👩‍👩‍👧.\r\r", "\n\n"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=30),
    st.sampled_from(_NEUTRAL_PREFIXES),
    st.sampled_from(["fixture", "empty"]),
)
def test_a_neutral_prefix_shifts_every_offset(parts: list[str], prefix: str, table: str) -> None:
    text = " ".join(parts)
    t = FIXTURE if table == "fixture" else EMPTY
    plain = check(text, table=t)
    shifted = check(prefix + text, table=t)
    assert [(f.start + len(prefix), f.end + len(prefix), f.text, f.kind) for f in plain] == [
        (f.start, f.end, f.text, f.kind) for f in shifted
    ]
    assert_exact(prefix + text, shifted)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_a_warm_index_gives_what_a_cold_one_gives(parts: list[str]) -> None:
    text = " ".join(parts)
    cold = check(text, table=canonym.Resolver(FIXTURE))  # a new index: nothing cached
    assert check(text, table=FIXTURE) == cold == check(text, table=FIXTURE)


# -- finding mentions -------------------------------------------------------------------------

FIXTURE_RESOLVER = canonym.Resolver(FIXTURE)


def _mentions(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in find_mentions(text, FIXTURE_RESOLVER)]


def test_titles_possessives_and_compounds_stay_out_of_spans() -> None:
    text = (
        "Supreme Leader Ali Khamenei's aide met Gen. Qassem Soleimani and the Soleimani-led force."
    )
    assert _mentions(text) == [
        ("Ali Khamenei", "ali-khamenei"),
        ("Qassem Soleimani", "qassem-soleimani"),
        ("Soleimani", "qassem-soleimani"),
    ]


def test_a_table_name_runs_on_through_lowercase_words() -> None:
    text = "The Islamic State of Iraq and the Levant, or Islamic State, said so."
    assert _mentions(text) == [
        ("Islamic State of Iraq and the Levant", "islamic-state"),
        ("Islamic State", "islamic-state"),
    ]


def test_capitals_and_acronyms_must_match() -> None:
    assert _mentions("Let us see what the base says.") == [("Let", None)]  # a word, for now
    assert _mentions("The US and The Base.") == [("US", "united-states"), ("The Base", "al-qaeda")]


def test_all_caps_headings_find_table_names_only() -> None:
    assert _mentions("# KATA'IB HEZBOLLAH AND NOBODY KNOWN") == [
        ("KATA'IB HEZBOLLAH", "kataib-hezbollah")
    ]


def test_particles_join_names_and_headings_end_them() -> None:
    text = "## Kurdistan\nAbu Mahdi al-Muhandis met bin Laden's heirs and Jalal-ud-Din Haqqani."
    assert _mentions(text) == [
        ("Kurdistan", None),
        ("Abu Mahdi al-Muhandis", "abu-mahdi-al-muhandis"),
        ("bin Laden", None),
        ("Jalal-ud-Din Haqqani", None),
    ]


def test_particles_open_names_across_spaces_but_not_before_an_ayn() -> None:
    text = "Officials met bin  Laden, el\u00a0Sisi and van\tGogh. They met bin \u02bfAli, al-Qaeda."
    assert _mentions(text) == [
        ("Officials", None),
        ("bin  Laden", None),
        ("el\u00a0Sisi", None),
        ("van\tGogh", None),
        ("\u02bfAli", None),
        ("al-Qaeda", "al-qaeda"),
    ]


def test_sentence_openers_are_dropped_and_named_elsewhere() -> None:
    text = "It rained. The envoy left. However, The Base spoke. In Erbil, Officials met."
    assert _mentions(text) == [
        ("The Base", "al-qaeda"),
        ("Erbil", None),
        ("Officials", None),
    ]


def test_a_name_whose_part_is_a_table_form_is_tied_as_a_whole() -> None:
    """A misspelt name holding a curated short form of its entity ("al-Adel") is that entity
    as a whole, even where the draft names it nowhere else: its misspelt part is not judged
    alone against another name of the draft (Sayff against the acronym SAF). Written one way
    throughout, it is reported only with ``variants``."""
    table = canonym.AliasTable.from_records(
        [
            {
                "id": "saf",
                "name": "Sudanese Armed Forces",
                "kind": "organization",
                "aliases": ["SAF"],
            },
            {"id": "saif-al-adel", "name": "Saif al-Adel", "kind": "person", "short": ["al-Adel"]},
        ]
    )
    text = "The SAF shelled Omdurman on Monday. Sayff al-Adel is said to live in Iran."
    assert check(text, table=table) == []
    assert [
        (f.text, f.suggestion, f.entity_id) for f in check(text, table=table, variants=True)
    ] == [("Sayff al-Adel", "Saif al-Adel", "saif-al-adel")]


def test_a_title_opening_a_weak_alias_gives_way_to_the_full_name() -> None:
    """A weak alias that opens with a title ("Sheikh Tamim") does not take the title and the
    first name out of a longer table name that follows the title: the mention is the table name,
    without the title, and a second spelling of it is compared with that."""
    table = canonym.AliasTable.from_records(
        [
            {
                "id": "tamim",
                "name": "Tamim bin Hamad Al Thani",
                "kind": "person",
                "weak": ["Sheikh Tamim"],
            }
        ]
    )
    text = (
        "Sheikh Tamim bin Hamad Al Thani joined by video. Tamim bin Hamad al-Thani later flew"
        " home, and Sheikh Tamim spoke."
    )
    assert [(f.text, f.suggestion, f.entity_id) for f in check(text, table=table)] == [
        ("Tamim bin Hamad al-Thani", "Tamim bin Hamad Al Thani", "tamim")
    ]


def test_an_adjective_of_a_place_is_not_tied_to_a_name_like_it() -> None:
    """Indian has the transliteration key of Andijan (a German j after i is a glide), but it is
    the adjective of India, a place of the table: a draft naming both is not told that Indian
    is a spelling of Andijan."""
    table = canonym.AliasTable.from_records(
        [
            {"id": "india", "name": "India", "kind": "place"},
            {"id": "andijan", "name": "Andijan", "kind": "place"},
        ]
    )
    text = "Indian troops moved north. Andijan was calm. Indian officials said little."
    assert check(text, table=table) == []
    assert check(text.replace("Indian troops", "Andijon troops"), table=table) != []


def test_a_j_after_i_is_a_consonant_of_its_own() -> None:
    """Beijing's j is a consonant: read as a German glide (Kyjiw), Beijing was "being" and had
    the key of "Bank", and a draft naming Beijing was told that each "Bank" meant it."""
    table = canonym.AliasTable.from_records([{"id": "beijing", "name": "Beijing", "kind": "place"}])
    text = "The premier flew to Beijing. The Bank of England and the Bank of Japan said nothing."
    assert check(text, table=table) == []
    assert [f.suggestion for f in check(text + " Bejing was calm.", table=table)] == ["Beijing"]


def test_a_lone_word_is_tied_by_its_key_only_when_it_is_a_spelling() -> None:
    """A class key is lossy: English words that open a sentence meet place names in it
    (Change/Shanghai, Cost/Khost, Name/Niamey). A lone word is tied to a name of the draft by
    its key only when the word rules of check call it a spelling of that name."""
    table = canonym.AliasTable.from_records(
        [
            {"id": "shanghai", "name": "Shanghai", "kind": "place"},
            {"id": "khost", "name": "Khost", "kind": "place"},
            {"id": "niamey", "name": "Niamey", "kind": "place"},
        ]
    )
    text = "Change came to Shanghai. Cost overruns hit Khost. Name the capital: Niamey."
    assert check(text, table=table) == []
    found = check(text + " Shangai and Niamei are typed in haste.", table=table)
    assert [(f.text, f.suggestion) for f in found] == [
        ("Shangai", "Shanghai"),
        ("Niamei", "Niamey"),
    ]


def test_code_urls_and_comments_are_not_prose() -> None:
    text = "See `Solemani`, https://example.org/Solemani and <!-- Solemani -->.\n```\nSolemani\n```"
    assert _mentions(text) == [("See", None)]


def test_one_index_per_resolver() -> None:
    assert index_for(FIXTURE_RESOLVER) is index_for(FIXTURE_RESOLVER)


# The scan looks for runs with the standard ``re`` module over a shadow of the text (non-ASCII
# characters replaced by stand-ins of their class); the rule itself is ``run_pattern()``, with
# Unicode classes, for the ``regex`` module. They must find the same runs.
_RUN_PIECES = [
    *["al-", "el\u2011", "ash-", "ud-", "bin ", "bin  ", "abu\t", "de ", "van\u00a0", "della "],
    *["al ", "ibn", "der ", "dos\u2003", "Abu ", "Ali", "ALI", "\u02bfAli", "\u02bb", "\u02bcUmar"],
    *["\u1e24asan", "\u01c4emal", "\u01c5", "\u00c9", "\u00e9", "\u0301", "x", "Gen.", "Mrs."],
    *["St.", "W.", "w.", " ", "  ", "\t", "\n", "\r\n", "\n\n", "-", "\u2010", "\u2013", "-led"],
    *["-shek", "-un", "-i-", "\u2019", "'", "'s", "\u2019s", "\u200b", "\u00ad", "5", "\u0663"],
    *["\u4e2d\u56fd", "\u0643", "\u216b", "\u217b", ".", ",", "Kai", "iPhone", "O'Brien"],
    *["\ud800", "\u017f", "\u0130", "\u00df", "\u01c8", "\u2026", "\u00a0"],
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=25).map("".join))
def test_the_shadow_scan_finds_the_runs_of_the_rule(text: str) -> None:
    reference = regex.compile(mentions.run_pattern())
    expected, pos = [], 0
    while (m := reference.search(text, pos)) is not None:
        expected.append(m.span())
        pos = m.end()
    shadowed = mentions.shadow(text)
    assert len(shadowed) == len(text) and shadowed.isascii() is text.isascii()
    found, pos = [], 0
    while (m := mentions._S_RUN.search(shadowed, pos)) is not None:
        start, end = m.span()
        found.append((mentions._run_start(shadowed, pos, start) if start > pos else start, end))
        pos = end
    assert found == expected


def test_checking_leaves_the_garbage_collector_as_it_was() -> None:
    assert gc.isenabled()
    check("Qassem Soleimani met aides. Solemani left.", table=FIXTURE)
    assert gc.isenabled()
    gc.disable()
    try:
        check("Qassem Soleimani met aides. Solemani left.", table=FIXTURE)
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- the API ----------------------------------------------------------------------------------


def test_bad_arguments_name_the_argument() -> None:
    with pytest.raises(TypeError, match="argument 'text'"):
        check(b"Iran")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="argument 'table'"):
        check("Iran", table="aliases/")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="argument 'variants'"):
        check("Iran", table=EMPTY, variants="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\r\n\r\n", "no names here at all."])
def test_nothing_to_check(text: str) -> None:
    assert check(text, table=FIXTURE) == []


def test_a_resolver_can_be_passed() -> None:
    text, expected = strip_marks("Qassem Soleimani met aides. [[Solemani|Soleimani]] left.")
    assert as_expected(check(text, table=canonym.Resolver(FIXTURE))) == expected


def test_finding_as_dict_and_package_exports() -> None:
    draft = "Qassem Soleimani met aides. Solemani left."
    (f,) = check(draft, table=FIXTURE)
    # canonym.check is the function, or (once the module is imported) the module, callable
    assert canonym.Finding is Finding and canonym.check(draft, table=FIXTURE) == [f]
    d = f.as_dict()
    assert d["text"] == "Solemani" and d["entity_id"] == "qassem-soleimani"
    assert set(d) == {f for f in Finding.__dataclass_fields__}


# -- the command line -------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_cli_prints_linter_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _write(tmp_path, "d.md", "Qassem Soleimani met aides.\r\n\r\n\tThen Solemani left.\r\n")
    table = str(DATA / "check_table.toml")
    assert cli.main(["check", "--table", table, str(draft)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f'{draft}:3:7: inconsistent: "Solemani" -> "Soleimani": ')


def test_cli_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _write(tmp_path, "d.txt", "Qassem Soleimani met aides. Soleimani left.\n")
    assert cli.main(["check", "--table", str(DATA / "check_table.toml"), str(draft)]) == 0
    assert capsys.readouterr().out == ""


def test_cli_json_offsets_match_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\ufeffNechirvan Barzani 🙂 spoke.\r\nLater, Nechirvan Barazani left.\r\n"
    draft = _write(tmp_path, "d.md", text)
    assert cli.main(["check", "--no-table", "--format", "json", str(draft)]) == 1
    (record,) = json.loads(capsys.readouterr().out)
    content = text.removeprefix("\ufeff")  # the BOM is not part of the text
    assert content[record["start"] : record["end"]] == record["text"] == "Nechirvan Barazani"
    assert (record["line"], record["column"]) == (2, 8)
    assert record["path"] == str(draft) and record["kind"] == "inconsistent"
    assert record["suggestion"] == "Nechirvan Barzani" and record["entity_id"] is None


def test_cli_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"Nechirvan Barzani spoke. Nechirvan Barazani left."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cli.main(["check", "--no-table", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:1:26: inconsistent: ")


def test_cli_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(tmp_path / "missing.md")]) == 2
    assert "missing.md" in capsys.readouterr().err
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe not utf-8")
    assert cli.main(["check", "--no-table", str(bad)]) == 2
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "--no-table", "--table", "x", "f.md"])
    assert exit_info.value.code == 2


def test_cli_variants_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _write(tmp_path, "d.md", "Qasem Soleimani met aides. Soleimani left.")
    table = str(DATA / "check_table.toml")
    assert cli.main(["check", "--table", table, str(draft)]) == 0
    assert cli.main(["check", "--table", table, "--variants", str(draft)]) == 1
    assert ": variant: " in capsys.readouterr().out


def test_cli_as_a_program(tmp_path: Path) -> None:
    draft = _write(tmp_path, "d.md", "Nechirvan Barzani spoke. Nechirvan Barazani left.")
    run = subprocess.run(
        [sys.executable, "-m", "canonym", "check", "--no-table", str(draft)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and ": inconsistent: " in run.stdout


# -- pre-commit, the example and the docs -----------------------------------------------------


def test_pre_commit_hook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^\s*-?\s*(\w+):\s*(.+?)\s*$", manifest, flags=re.MULTILINE))
    assert fields["id"] == "canonym-check" and fields["language"] == "python"
    assert fields["types_or"] == "[markdown, plain-text]"
    entry = fields["entry"].split()
    assert entry[:2] == ["canonym", "check"]
    draft = _write(tmp_path, "d.md", "Nechirvan Barzani spoke. Nechirvan Barazani left.")
    assert cli.main([*entry[1:], "--no-table", str(draft)]) == 1
    clean = _write(tmp_path, "c.md", "Nechirvan Barzani spoke. Barzani left.")
    assert cli.main([*entry[1:], "--no-table", str(clean)]) == 0


def _documented_example_output() -> list[str]:
    doc = DOCS.read_text(encoding="utf-8")
    block = doc.split("$ canonym check examples/militia-talks.md\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_example_output_is_documented(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    documented = _documented_example_output()
    assert len(documented) >= 5
    monkeypatch.chdir(ROOT)  # so that the path prints as in the docs
    assert cli.main(["check", "examples/militia-talks.md"]) == 1
    actual = capsys.readouterr().out.splitlines()
    missing = [line for line in documented if line not in actual]
    assert not missing, f"documented but not produced: {missing}"


def test_example_without_a_table_finds_the_same_spans() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    with_table = {(f.start, f.end) for f in check(text)}
    without = {(f.start, f.end) for f in check(text, table=EMPTY)}
    assert without <= with_table


@pytest.mark.parametrize(
    "run",
    [
        "Ab-c " * 60_000,  # every tail of one long run was filed: gigabytes
        "Qassem Soleimani " * 18_000,  # the run's words were folded again for every hit
        "King Abdullah bin Abdulaziz " * 10_000,  # every segment scanned every hit
        "Abc " * 75_000,
    ],
    ids=["hyphenated", "a-name-repeated", "a-titled-name-repeated", "plain"],
)
def test_a_pasted_run_of_capitalised_words_is_checked_in_linear_time(run: str) -> None:
    """One sentence of hundreds of kilobytes of capitalised words, a name repeated or not,
    spelled one way throughout: nothing to report, and each pass over the run is linear (three
    were quadratic in time or memory: at this size they took minutes or ran out of memory)."""
    assert canonym.check(run) == []
