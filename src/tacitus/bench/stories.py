"""Stories: clustering BASIL's 300 articles (100 events x Fox News, HuffPost, NYT) into stories.

BASIL (Fan et al. 2019) is MEASURE: scored only. Each article becomes an Article with its
outlet, its date and text = title + paragraphs (id: the file name); the whole pipeline analyzes it and
:func:`tacitus.stories.cluster` groups them with the default :class:`StoryParams` (set from
first principles and the project's own examples, never from BASIL). The gold story of an
article is its ``triplet-uuid``.

Scores (Amigó et al. 2009, "A comparison of extrinsic clustering evaluation metrics"):
- purity: each predicted story counts its most common gold story, over all articles;
- inverse purity (completeness): the same with gold and predicted swapped;
- B-cubed precision / recall / F1: per article, the share of its predicted story that shares
  its gold story (precision) and of its gold story that shares its predicted story (recall),
  averaged over articles.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from tacitus.bench import BenchContext, BenchReport, Metric
from tacitus.model import Analysis, Article
from tacitus.stories import StoryParams, cluster, merge_events

BASIL = "framing/basil"
SET = "BASIL (300 articles, 100 stories)"
OUTLETS = {"fox": "Fox News", "hpo": "HuffPost", "nyt": "The New York Times"}


@dataclass(frozen=True, slots=True)
class Scores:
    purity: float
    inverse_purity: float
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _purity(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for item, label in a.items():
        groups[label][b[item]] += 1
    return sum(c.most_common(1)[0][1] for c in groups.values()) / len(a)


def score(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Purity, inverse purity and B-cubed precision/recall of ``predicted`` (item -> cluster) against ``gold``."""
    items = sorted(gold)
    pred = {i: predicted.get(i, f"(unclustered) {i}") for i in items}  # an article not clustered is alone
    pairs = Counter((pred[i], gold[i]) for i in items)
    pred_size = Counter(pred.values())
    gold_size = Counter(gold.values())
    precision = sum(pairs[(pred[i], gold[i])] / pred_size[pred[i]] for i in items) / len(items)
    recall = sum(pairs[(pred[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    return Scores(_purity(pred, gold), _purity(gold, pred), precision, recall)


def basil_articles(ctx: BenchContext) -> tuple[list[Article], dict[str, str]]:
    """BASIL's articles (text = title + paragraphs) and article id -> triplet id."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for path in sorted(ctx.path(BASIL).glob("articles/*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in data.get("body-paragraphs", [])]
        title = data.get("title") or ""
        text = "\n\n".join([title, *paragraphs]).strip()
        if not text:
            continue
        source = str(data.get("source", "")).lower()
        article = Article(
            id=path.stem,  # BASIL's own uuid repeats in 3 of its 300 files; the file name does not
            text=text,
            published=date.fromisoformat(data["date"][:10]) if data.get("date") else None,
            title=title or None,
            outlet=OUTLETS.get(source, source or None),
        )
        articles.append(article)
        gold[article.id] = str(data["triplet-uuid"])
    return articles, gold


def run(ctx: BenchContext) -> BenchReport:
    report = BenchReport("stories")
    articles, gold = basil_articles(ctx)
    if ctx.limit:
        keep = sorted(set(gold.values()))[: max(1, ctx.limit // 3)]
        articles = [a for a in articles if gold[a.id] in keep]
        gold = {a.id: gold[a.id] for a in articles}
    ctx.progress(f"stories: BASIL ({len(articles)} articles, whole pipeline)")
    analyses: list[Analysis] = list(ctx.analyzer.analyze_many(articles))
    params = StoryParams()
    index = cluster(analyses, params)
    result = score(index.assignment, gold)
    n = len(gold)
    for name, value in (
        ("purity", result.purity),
        ("inverse purity (completeness)", result.inverse_purity),
        ("B-cubed precision", result.bcubed_precision),
        ("B-cubed recall", result.bcubed_recall),
    ):
        report.add(Metric(name, value, SET, "MEASURE", n))
    report.add(Metric("B-cubed F1", result.bcubed_f1, SET, "MEASURE", n, target=0.80))
    singletons = score({i: i for i in gold}, gold)
    by_date = score({a.id: str(a.published) for a in articles}, gold)
    report.notes.append(
        f"{len(index.stories)} stories predicted for {len(set(gold.values()))} gold; params {params}; "
        f"baselines B-cubed F1: one story per article {singletons.bcubed_f1:.3f}, "
        f"one story per publication date {by_date.bcubed_f1:.3f}"
    )
    by_id = {a.article.id: a for a in analyses}
    members: dict[str, list[Analysis]] = defaultdict(list)
    for article_id, story_id in index.assignment.items():
        members[story_id].append(by_id[article_id])
    events = [e for group in members.values() for e in merge_events(group)]
    shared = sum(1 for e in events if e.num_sources >= 2)
    report.notes.append(
        f"cross-article events: {len(events)} in all, {shared} reported by 2+ outlets "
        f"({sum(e.num_articles for e in events)} article mentions)"
    )
    return report
