"""Stories in the store: persistence, incremental == from scratch, the CLI commands, the scorer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tacitus import Analysis, Analyzer, Article
from tacitus.bench.stories import score
from tacitus.cli import main
from tacitus.errors import StoreError
from tacitus.store import ingest
from tacitus.store.stories import assignments, list_stories, story_analyses, update_stories
from tacitus.stories import StoryParams, cluster

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: The examples with their dates and outlets, and a second outlet's telling of the motion row.
META = {
    "motion_row.txt": ("2015-03-12", "Caspian Wire"),
    "ceasefire.txt": ("2022-11-03", "Horn Wire"),
    "shelling.txt": ("2024-06-11", "Frontline Daily"),
    "motion_row_other.txt": ("2015-03-12", "Ararat Wire"),
}

#: Hand-written articles: two outlets on one border clash, one on an unrelated trade deal the same week.
OWN = [
    {
        "id": "own-1",
        "published": "2021-04-29",
        "outlet": "Reuters",
        "title": "Kyrgyz and Tajik troops clash at disputed border",
        "text": "Kyrgyz and Tajik troops clashed at a disputed border post near the Isfara valley on Thursday, "
        "killing several people, officials in Bishkek said. Kyrgyzstan accused Tajikistan of attacking its "
        "border guards.",
    },
    {
        "id": "own-2",
        "published": "2021-04-30",
        "outlet": "TASS",
        "title": "Tajik and Kyrgyz border guards exchange fire",
        "text": "Tajik and Kyrgyz border guards exchanged fire at the disputed border near the Isfara valley, "
        "killing several people. Tajikistan accused Kyrgyzstan of provoking the border clash.",
    },
    {
        "id": "own-3",
        "published": "2021-04-29",
        "outlet": "Xinhua",
        "title": "Vietnam and Chile sign fruit export deal",
        "text": "Vietnam and Chile signed an agreement on Thursday to open their markets to each other's fruit "
        "exports, the trade ministry in Hanoi said.",
    },
]


def _articles() -> list[dict[str, str]]:
    rows = []
    for name, (published, outlet) in META.items():
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        rows.append({"id": name, "published": published, "outlet": outlet, "title": text.split("\n")[0], "text": text})
    return rows + OWN


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(analyzer: Analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    db = folder / "stories.duckdb"
    ingest([_write(folder / "all.jsonl", _articles())], db, analyzer=analyzer)
    update_stories(db)
    return db


def test_the_two_tellings_of_the_motion_row_are_one_story_and_the_rest_apart(store: Path) -> None:
    story = assignments(store)
    assert story["motion_row.txt"] == story["motion_row_other.txt"]
    assert story["own-1"] == story["own-2"]
    assert story["own-3"] != story["own-1"]
    assert len(set(story.values())) == 5
    rows = {r.story_id: r for r in list_stories(store)}
    motion = rows[story["motion_row.txt"]]
    assert (motion.n_articles, motion.outlets) == (2, ["Ararat Wire", "Caspian Wire"])
    assert motion.first_date == date(2015, 3, 12)
    assert any(e["num_sources"] == 2 and e["actor_countries"] == ["AZE"] for e in motion.top_events)


def test_stored_story_matches_clustering_the_analyses_directly(store: Path, analyzer: Analyzer) -> None:
    articles = [
        Article(r["id"], r["text"], date.fromisoformat(r["published"]), r["title"], r["outlet"]) for r in _articles()
    ]
    direct = cluster(list(analyzer.analyze_many(articles)), StoryParams())
    assert direct.assignment == assignments(store)


@pytest.mark.slow
def test_incremental_updates_give_the_same_stories_as_from_scratch(analyzer: Analyzer, tmp_path: Path) -> None:
    rows = sorted(_articles(), key=lambda r: (r["published"], r["id"]))
    db = tmp_path / "inc.duckdb"
    for i, chunk in enumerate((rows[:3], rows[3:5], rows[5:])):
        ingest([_write(tmp_path / f"part{i}.jsonl", chunk)], db, analyzer=analyzer)
        done = update_stories(db)
        assert done.added == len(chunk) and not done.rebuilt
    incremental = assignments(db)
    assert update_stories(db).added == 0
    rebuilt = update_stories(db, rebuild=True)
    assert rebuilt.rebuilt and rebuilt.added == len(rows)
    assert assignments(db) == incremental
    changed = update_stories(db, StoryParams(threshold=0.99))
    assert changed.rebuilt and len(set(assignments(db).values())) == len(rows)


def test_compare_on_a_stored_story_lists_each_outlet(store: Path) -> None:
    analyses: list[Analysis] = story_analyses(store, assignments(store)["motion_row.txt"])
    assert sorted(a.article.id for a in analyses) == ["motion_row.txt", "motion_row_other.txt"]
    with pytest.raises(StoreError, match="no story 'S99'"):
        story_analyses(store, "S99")


def test_cli_lists_stories_and_compares_outlets(store: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["stories", "--db", str(store), "--format", "json", "--min-articles", "2"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.output)
    assert len(stories) == 2 and all(s["n_articles"] == 2 for s in stories)
    motion = next(s for s in stories if "Caspian Wire" in s["outlets"])
    compared = runner.invoke(main, ["compare", motion["story_id"], "--db", str(store), "--format", "json"])
    assert compared.exit_code == 0, compared.output
    result = json.loads(compared.output)
    columns = {c["outlet"]: c for c in result["outlets"]}
    assert set(columns) == {"Ararat Wire", "Caspian Wire"}
    assert columns["Ararat Wire"]["country"] == "ARM"
    # each telling has events the other omits, and quotes an Armenian voice a different amount
    assert columns["Ararat Wire"]["events_omitted"] and columns["Caspian Wire"]["events_omitted"]
    assert columns["Ararat Wire"]["words_quoted"].get("ARM GOV", 0) > columns["Caspian Wire"]["words_quoted"].get(
        "ARM GOV", 0
    )
    assert "index" in columns["Caspian Wire"]["one_sidedness"]
    table = runner.invoke(main, ["compare", motion["story_id"], "--db", str(store)])
    assert table.exit_code == 0 and "events omitted" in table.output and "Ararat Wire" in table.output
    missing = runner.invoke(main, ["compare", "S99", "--db", str(store)])
    assert missing.exit_code == 1 and "no story 'S99'" in missing.output


def test_user_outlet_file_extends_the_registry(store: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\taliases\tcountry\townership\nXinhua\t\tCHN\tstate agency (mine)\n", encoding="utf-8")
    story = assignments(store)["own-3"]
    out = CliRunner().invoke(main, ["compare", story, "--db", str(store), "--outlets", str(mine), "--format", "json"])
    assert out.exit_code == 0, out.output
    [column] = json.loads(out.output)["outlets"]
    assert (column["country"], column["ownership"]) == ("CHN", "state agency (mine)")


def test_bcubed_and_purity_on_a_hand_made_clustering() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    perfect = score(gold, gold)
    assert (perfect.purity, perfect.inverse_purity, perfect.bcubed_f1) == (1.0, 1.0, 1.0)
    lumped = score(dict.fromkeys(gold, "one"), gold)
    assert lumped.purity == 0.75 and lumped.inverse_purity == 1.0
    assert lumped.bcubed_precision == pytest.approx((3 * 3 / 4 + 1 / 4) / 4) and lumped.bcubed_recall == 1.0
    split = score({"a": "1", "b": "1", "c": "2", "d": "3"}, gold)
    assert split.bcubed_precision == 1.0 and split.bcubed_recall == pytest.approx((2 / 3 * 2 + 1 / 3 + 1) / 4)


def test_stories_on_a_missing_store_says_how_to_create_it(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code == 1 and "tacitus ingest" in out.output


@pytest.mark.slow
def test_bench_on_two_basil_triplets_scores_its_own_clustering(analyzer: Analyzer) -> None:
    from conftest import SHARED_DATA
    from tacitus.bench import BenchContext
    from tacitus.bench.stories import run

    if not (SHARED_DATA / "framing" / "basil").is_dir():
        pytest.skip("../shared/data/framing/basil is absent")
    report = run(BenchContext(SHARED_DATA, analyzer.settings, limit=6, _analyzer=analyzer))
    metrics = {m.name: m for m in report.metrics}
    assert all(m.n == 6 and m.role == "MEASURE" for m in metrics.values())
    f1 = metrics["B-cubed F1"]
    p, r = metrics["B-cubed precision"].value, metrics["B-cubed recall"].value
    assert f1.value == pytest.approx(2 * p * r / (p + r)) and f1.target == 0.80
    assert "one story per article 0.500" in report.notes[0]


def test_ingest_keeps_stories_current_only_once_a_store_has_them(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "cli.duckdb"
    rows = _articles()
    first = runner.invoke(main, ["ingest", str(_write(tmp_path / "a.jsonl", rows[:1])), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert assignments(db) == {} and "attached to stories" not in first.output
    listed = runner.invoke(main, ["stories", "--update", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1
    second = runner.invoke(main, ["ingest", str(_write(tmp_path / "b.jsonl", rows[3:4])), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "1 articles attached to stories (1 in all)" in second.output
    assert assignments(db) == {"motion_row.txt": "S1", "motion_row_other.txt": "S1"}
