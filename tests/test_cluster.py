"""canonym.cluster and ``canonym cluster``: expected groups (tests/data/cluster_groups.tsv), the
dev set, properties and the command line."""

from __future__ import annotations

import csv
import importlib
import io
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import DEV, read_tsv

import canonym
from canonym import cli


def _groups_file() -> dict[str, list[tuple[str, str]]]:
    """Each case's names (a name ``count`` times when the column says so) and gold groups."""
    cases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(DATA / "cluster_groups.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            cases[row["case"]].extend([(row["name"], row["group"])] * int(row["count"] or 1))
    return cases


def _partition(clusters: list[canonym.Cluster], labels: list[str]) -> set[frozenset[str]]:
    return {frozenset(labels[i] for i in c.indices) for c in clusters}


@pytest.mark.parametrize("case", sorted(_groups_file()))
def test_expected_groups(case: str) -> None:
    items = _groups_file()[case]
    clusters = canonym.cluster([name for name, _ in items])
    got = [sorted(items[i][1] for i in c.indices) for c in clusters]
    expected = defaultdict(list)
    for _, group in items:
        expected[group].append(group)
    assert sorted(got) == sorted(expected.values()), [c.names for c in clusters]


def test_cluster_fields() -> None:
    names = ["Qasem Soleimani", "Hezbollah", "Ghasem Soleymani", "Qasem Soleimani"]
    clusters = canonym.cluster(names)
    assert [c.indices for c in clusters] == [(0, 2, 3), (1,)]
    first = clusters[0]
    assert first.names == ("Qasem Soleimani", "Ghasem Soleymani", "Qasem Soleimani")
    assert first.canonical == "Qasem Soleimani"  # the most frequent spelling
    assert first.entity_id is None and len(first) == 3


def test_canonical_is_the_most_frequent_spelling_then_the_fullest() -> None:
    [c] = canonym.cluster(["Mosul", "Mossul", "Mosul"])
    assert c.canonical == "Mosul"
    [c] = canonym.cluster(["Mossul", "Mosul"])
    assert c.canonical == "Mossul"
    [c] = canonym.cluster(["Abbas Musawi", "Abbas al-Musawi"])
    assert c.canonical == "Abbas al-Musawi"


def test_identical_strings_share_a_cluster_whatever_they_are() -> None:
    names = ["Iran", "", "Iran", "???", "", "???", "习近平", "习近平"]
    clusters = canonym.cluster(names)
    assert sorted(c.indices for c in clusters) == [(0, 2), (1, 4), (3, 5), (6, 7)]


def test_empty_input_and_one_name() -> None:
    assert canonym.cluster([]) == []
    assert canonym.cluster(iter([])) == []
    [c] = canonym.cluster(["Khamenei"])
    assert (c.indices, c.names, c.canonical, c.entity_id) == ((0,), ("Khamenei",), "Khamenei", None)


def test_no_chaining_through_a_middle_name() -> None:
    # Each neighbour is close, but the ends are clearly different people.
    names = ["Kim Jong Un", "Kim Jong-un", "Kim Jong Eun", "Kim Jong Il", "Kim Jong-il"]
    clusters = canonym.cluster(names)
    for c in clusters:
        assert not ({"Kim Jong Un", "Kim Jong Il"} <= set(c.names)), c.names


def test_given_names_keep_people_apart() -> None:
    names = [
        "Qasem Soleimani",
        "Sohrab Soleimani",
        "Hafez al-Assad",
        "Bashar al-Assad",
        "Jalaluddin Haqqani",
        "Sirajuddin Haqqani",
    ]
    assert len(canonym.cluster(names)) == len(names)


def test_a_surname_joins_only_a_unique_full_name() -> None:
    [c] = canonym.cluster(["Qassem Soleimani", "Soleimani"])
    assert c.names == ("Qassem Soleimani", "Soleimani")
    two = canonym.cluster(["Qassem Soleimani", "Sohrab Soleimani", "Soleimani"])
    assert [c.names for c in two] == [("Qassem Soleimani",), ("Sohrab Soleimani",), ("Soleimani",)]
    # An organisation's last word is not a surname.
    assert len(canonym.cluster(["Kata'ib Hezbollah", "Hezbollah"])) == 2


def _made_up_words(count: int) -> list[str]:
    """``count`` distinct made-up words of three syllables (Bakori, Bakoti ...), alike only in
    their letters' classes to one another, not to any real name of the tests."""
    syllables = ["ba", "ko", "ri", "tu", "me", "so", "ni", "du", "fa", "lo"]
    return [(a + b + c).capitalize() for a, b, c in itertools.product(syllables, repeat=3)][:count]


def test_a_slip_meets_the_most_frequent_spelling_in_a_long_list() -> None:
    """A typing slip's own letters' keys are rare (Cahrles), and every key it shares with its
    name is shared by so many names that the block is too big to take whole (200 men called
    Charles, 200 women called Emily, and their initials C. E.): the most frequent spellings
    under those keys are still its candidates, so it joins the name it misspells."""
    words = [w.lower() for w in _made_up_words(400)]
    names = ["Charles Emily"] * 20 + ["Cahrles Emily"] * 3
    names += [f"Charles E{w}" for w in words[:200]] + [f"Ca{w} Emily" for w in words[200:]]
    clusters = canonym.cluster(names, workers=1)
    [main] = [c for c in clusters if "Charles Emily" in c.names]
    assert "Cahrles Emily" in main.names
    # and nothing else joined it: the other Charleses and Emilys are other people
    assert set(main.names) == {"Charles Emily", "Cahrles Emily"}


def test_the_average_weighs_each_pair_by_how_often_its_spellings_occur() -> None:
    """Two clusters of one name, each a frequent spelling and its slips: a slip of one and a
    slip of the other are two slips apart, and the plain average of the cross pairs falls under
    the threshold; weighed by how often each pair's spellings occur, the frequent spellings'
    pairs say what the clusters are, and they are one."""
    names = ["Charles Emily"] * 20 + ["Cherles Emily", "Charles Emly"]
    names += ["Cahrles Emily"] * 3 + ["Cahrles Emly", "Cahrles Emiyl"]
    assert [len(c) for c in canonym.cluster(names, workers=1)] == [len(names)]


def test_table_anchors_names_that_resolve() -> None:
    table = canonym.AliasTable.from_records(
        [
            {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "person"},
            {"id": "iraq", "name": "Iraq", "kind": "place", "aliases": ["Irak"]},
        ]
    )
    names = ["Ghasem Soleymani", "Irak", "Mesopotamia", "Qasem Soleimani", "Iraq", "Misopotamia"]
    clusters = canonym.cluster(names, table=table)
    by_id = {c.entity_id: c for c in clusters}
    assert by_id["qassem-soleimani"].indices == (0, 3)
    assert by_id["qassem-soleimani"].canonical == "Qassem Soleimani"  # the table's name
    assert by_id["iraq"].names == ("Irak", "Iraq")
    assert by_id[None].names == ("Mesopotamia", "Misopotamia")  # the rest among themselves


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="'names' must be an iterable of str"):
        canonym.cluster("Iran")
    with pytest.raises(TypeError, match=r"argument 'names\[1\]' must be str, not int"):
        canonym.cluster(["Iran", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="'table' must be AliasTable"):
        canonym.cluster(["Iran"], table="aliases/")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threshold"):
        canonym.cluster(["Iran"], threshold=0)
    with pytest.raises(ValueError, match="kind"):
        canonym.cluster(["Iran"], kind="country")


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    canonym.cluster(
        ["Iran", "Iraq", "Irak"], progress=lambda done, total: calls.append((done, total))
    )
    assert calls and calls[-1][0] == calls[-1][1]


# -- the dev set: the "done when" figure ------------------------------------------------


def _pairwise(clusters: list[canonym.Cluster], gold: list[str]) -> tuple[float, float]:
    predicted = [0] * len(gold)
    for number, c in enumerate(clusters):
        for i in c.indices:
            predicted[i] = number
    true_pairs = sum(
        n * (n - 1) // 2 for c in clusters for n in Counter(gold[i] for i in c.indices).values()
    )
    predicted_pairs = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    gold_pairs = sum(n * (n - 1) // 2 for n in Counter(gold).values())
    return true_pairs / predicted_pairs, true_pairs / gold_pairs


def test_dev_set_pairwise_precision_and_recall() -> None:
    """All dev names and variants plus the look-alike queries, no table: each look-alike with
    no expected entity is a group of its own."""
    items = [
        (row["text"], row["entity_id"])
        for row in read_tsv(DEV / "entities.tsv")
        if row["role"] in ("name", "variant")
    ]
    items += [
        (row["query"], row["expected_id"] or f"lookalike:{row['query']}")
        for row in read_tsv(DEV / "lookalikes.tsv")
    ]
    clusters = canonym.cluster([name for name, _ in items])
    precision, recall = _pairwise(clusters, [gold for _, gold in items])
    assert precision >= 0.97, f"precision {precision:.3f}"
    assert recall >= 0.90, f"recall {recall:.3f}"


# -- properties ---------------------------------------------------------------------------------

WORDS = (
    "qassem qasem ghasem soleimani soleymani sohrab hussein husseini hosseini hamas hama iran "
    "iraq irak kim jong un il eun abu mahdi al muhandis bashar hafez assad asad kataib "
    "hezbollah hizballah bank ltd"
).split()
name = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
name_lists = st.lists(st.one_of(name, name.map(str.upper), st.just("")), max_size=14)


@settings(max_examples=80, deadline=None)
@given(name_lists)
def test_every_index_lands_in_exactly_one_cluster(names: list[str]) -> None:
    clusters = canonym.cluster(names)
    indices = sorted(i for c in clusters for i in c.indices)
    assert indices == list(range(len(names)))
    for c in clusters:
        assert list(c.indices) == sorted(c.indices)
        assert c.names == tuple(names[i] for i in c.indices)
        assert c.canonical in c.names
    assert [c.indices[0] for c in clusters] == sorted(c.indices[0] for c in clusters)


@settings(max_examples=60, deadline=None)
@given(name_lists, st.randoms(use_true_random=False))
def test_output_does_not_depend_on_input_order(names: list[str], rng: object) -> None:
    shuffled = list(names)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]

    def as_sets(ns: list[str]) -> set[frozenset[tuple[str, int]]]:
        # names with their multiplicity in the cluster, so duplicates count
        return {frozenset(Counter(c.names).items()) for c in canonym.cluster(ns)}

    assert as_sets(names) == as_sets(shuffled)


@settings(max_examples=40, deadline=None)
@given(name_lists)
def test_clustering_is_deterministic(names: list[str]) -> None:
    assert canonym.cluster(names) == canonym.cluster(list(names))


@settings(max_examples=40, deadline=None)
@given(name_lists)
def test_no_two_names_in_a_cluster_contradict_each_other(names: list[str]) -> None:
    # A surname alone joins its full name on purpose; names of as many words never contradict.
    for c in canonym.cluster(names):
        for a, b in itertools.combinations(set(c.names), 2):
            if len(canonym.parse(a).tokens) == len(canonym.parse(b).tokens):
                assert not canonym.compare(a, b).conflict, (a, b, c.names)


# -- the command line ---------------------------------------------------------------------------

LIST = "Qasem Soleimani\nGhasem Soleymani\n\nSohrab Soleimani\nKata'ib Hezbollah\nHezbollah\n"


def test_cli_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "names.txt"
    path.write_text(LIST, encoding="utf-8")
    assert cli.main(["cluster", str(path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split("\t") == [
        "1",
        "Ghasem Soleymani",
        "-",
        "2",
        "Qasem Soleimani | Ghasem Soleymani",
    ]
    assert len(lines) == 4
    assert captured.err == ""  # no progress bar when stderr is not a terminal


def test_cli_csv_and_json_give_a_cluster_per_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "names.txt"
    path.write_text(LIST, encoding="utf-8")
    assert cli.main(["cluster", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["row"], r["cluster"]) for r in rows] == [
        ("1", "1"),
        ("2", "1"),
        ("4", "2"),
        ("5", "3"),
        ("6", "4"),
    ]
    assert cli.main(["cluster", str(path), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[1] == {
        "row": 2,
        "name": "Ghasem Soleymani",
        "cluster": 1,
        "canonical": "Ghasem Soleymani",
        "entity_id": None,
    }


def test_cli_column_of_a_tsv_and_a_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tsv = tmp_path / "people.tsv"
    tsv.write_text("id\tperson\n1\tQasem Soleimani\n2\tGhasem Soleymani\n3\t\n", encoding="utf-8")
    assert cli.main(["cluster", str(tsv), "--column", "person", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["row"], r["name"], r["cluster"]) for r in rows] == [
        ("1", "Qasem Soleimani", "1"),
        ("2", "Ghasem Soleymani", "1"),
    ]
    comma = tmp_path / "people.csv"
    comma.write_text('id,person\n1,"SOLEIMANI, Qasem"\n2,Qassem Soleimani\n', encoding="utf-8")
    assert cli.main(["cluster", str(comma), "--column", "2"]) == 0
    assert capsys.readouterr().out.count("\n") == 1
    assert cli.main(["cluster", str(comma), "--column", "nope"]) == 2
    assert "no column 'nope'" in capsys.readouterr().err


def test_cli_progress_bar_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster_module = importlib.import_module("canonym.cluster")  # canonym.cluster: the function
    path = tmp_path / "names.txt"
    path.write_text(LIST, encoding="utf-8")
    monkeypatch.setattr(cluster_module, "_BAR_FROM", 1)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert cli.main(["cluster", str(path)]) == 0
    assert "clustering [" in capsys.readouterr().err


def test_cli_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert cli.main(["cluster", str(tmp_path / "nope.txt")]) == 2
