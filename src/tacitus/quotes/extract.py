"""Attribution extraction: quote marks + cue verbs + the dependency parse -> :class:`~tacitus.model.Quote`.

Three passes, each linear in the tokens or the quote marks:

1. **Direct quotes.** Every paired quote that reads like speech (a clause, or words
   ending in punctuation) looks for a cue verb in a short window after its closing
   mark (``"...," the ministry said``) or before its opening mark (``The ministry said:
   "..."``), never crossing another quote or a sentence end. No cue: the quote is kept
   with ``speaker=None`` and ``cue=None``.
2. **Indirect speech.** Every cue verb outside quote marks with a reported clause
   (``said (that) ...``, ``told reporters ...``, ``urged X to ...``), an accusation
   (``accused Y of ...``), a demand (``called for ...``) or, for stance verbs, a direct
   object (``denied the report``); and ``according to X, ...``.
3. **Partial quotes.** A short quoted phrase governed by a cue verb (``branding it
   "reckless"``) is a quote; any other short quoted phrase (scare quotes, titles) is not.

The speaker is the cue verb's subject noun phrase (or the agent of a passive cue, or the
object of ``according to``); a participle or conjoined cue (``..., adding that``) takes
the subject of the verb it hangs on. Coreference is the actor stage's job.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tacitus.actors import ActorIndex
from tacitus.model import ActorRef, Quote, Span
from tacitus.nlp import dateline_end, passive_agent
from tacitus.quotes.lexicon import Cue, CueLexicon
from tacitus.quotes.marks import QuotedSpan, find_quote_marks

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_INHERIT = frozenset({"conj", "advcl", "pcomp"})
_SENT_END = frozenset({".", "!", "?"})
_TRIM = frozenset({",", ";", ":", "-", "—", "–", "(", ")", '"', "“", "”", "''", "``", "'"})
#: Cue verbs that take a person object before their content (``told reporters that``, ``urged them to``).
_OBJ_THEN_CONTENT = frozenset({"tell", "urge", "ask", "warn", "advise", "encourage", "remind", "inform", "assure"})
#: Cue verbs whose direct object is not what was said (``said nothing``, ``wrote a book``).
_NO_DOBJ_CONTENT = frozenset(
    {"say", "tell", "add", "write", "ask", "speak", "call", "post", "tweet", "answer", "reply", "respond", "continue"}
    | {"state", "comment", "remark", "retell", "joke", "quip", "beg", "inform", "notify", "alert", "persuade"}
)
#: Verbs that name or describe their object (``called Trump a fascist``): the object and its label are the content.
_NAMING = frozenset({"call", "brand", "label", "dub", "describe", "term"})
#: Verbs whose ``of``/``for`` phrase is the content (``accused Y of ...``, ``called for ...``).
_PREP_CONTENT = {"accuse": "of", "charge": "with", "blame": "for", "criticize": "for", "criticise": "for"}
#: Documents and channels in ``said in a statement``.
_MEDIA = frozenset({"statement", "letter", "post", "tweet", "email", "release", "memo", "op-ed"})
_AFTER_WINDOW = 12
_BEFORE_WINDOW = 25


@dataclass(frozen=True, slots=True)
class _Ctx:
    """One document's inputs; ``text`` is kept because ``Doc.text`` rebuilds the string on every access."""

    doc: Doc
    text: str
    zone: list[int]
    cues: CueLexicon
    actors: ActorIndex


@dataclass(frozen=True, slots=True)
class _CueHit:
    verb: Token
    cue: Cue
    tokens: tuple[Token, ...]


def _span(text: str, start: int, end: int) -> Span:
    return Span(text[start:end], start, end)


def _token_span(text: str, tokens: Iterable[Token]) -> Span | None:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    return _span(text, toks[0].idx, toks[-1].idx + len(toks[-1].text))


def _strip_span(text: str, start: int, end: int) -> Span | None:
    """Quoted words without surrounding whitespace and the comma that stands for the full stop before a cue."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return _span(text, start, end) if end > start else None


def _cue_at(tok: Token, cues: CueLexicon) -> _CueHit | None:
    """The cue this token starts, with its multiword partner (``according to``, ``called for``)."""
    lower = tok.lower_
    if lower == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            cue = cues.get("according to")
            return _CueHit(tok, cue, (tok, nxt)) if cue else None
        return None
    if tok.pos_ not in {"VERB", "AUX"} or (tok.pos_ == "AUX" and tok.dep_ not in {"ROOT", "ccomp", "conj"}):
        return None
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in {"prt", "prep"} and child.i == tok.i + 1:
            multi = cues.get(f"{lemma} {child.lower_}")
            if multi is not None:
                return _CueHit(tok, multi, (*_auxiliaries(tok), tok, child))
    cue = cues.get(lemma)
    return _CueHit(tok, cue, (*_auxiliaries(tok), tok, *_medium(tok))) if cue else None


def _medium(verb: Token) -> tuple[Token, ...]:
    """``said in a statement``: the medium right after the verb belongs to the cue (the document is not the speaker)."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "in" or nxt.head.i != verb.i:
        return ()
    for obj in nxt.children:
        if obj.dep_ == "pobj" and obj.lemma_.lower() in _MEDIA and obj.i <= verb.i + 4:
            return tuple(doc[verb.i + 1 : obj.i + 1])
    return ()


def _auxiliaries(verb: Token) -> tuple[Token, ...]:
    """Auxiliaries and negation right before the verb (``has said``, ``did not mention``), as PolNeAR marks cues."""
    out: list[Token] = []
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in {"aux", "auxpass", "neg", "advmod"} and verb.doc[i].head.i == verb.i:
        out.insert(0, verb.doc[i])
        i -= 1
    return tuple(out)


def _subject(verb: Token) -> Token | None:
    """The speaker's head: subject, passive agent, or the subject of the verb a participle hangs on."""
    node = verb
    for _ in range(3):
        # a misparsed dateline ("BAKU, March 12 (Wire) - the ministry condemned") gives two: the nearer speaks
        child = next((c for c in reversed(list(node.lefts)) if c.dep_ in _SUBJ), None)
        child = child or next((c for c in node.rights if c.dep_ in _SUBJ), None)
        if child is not None:
            if child.tag_ in {"WP", "WDT"} and node.dep_ == "relcl":
                return node.head
            return child
        agent = passive_agent(node)
        if agent is not None:
            return agent
        if node.dep_ not in _INHERIT or node.head.i == node.i:
            return None
        node = node.head
    return None


def _according_speaker(tok: Token) -> Token | None:
    to = tok.nbor(1)
    for child in (*tok.children, *to.children):
        if child.dep_ == "pobj":
            return child
    return None


def _np_span(c: _Ctx, head: Token) -> Span | None:
    """The head's whole noun phrase (appositions, titles, relative clauses), cut at quote marks,
    paragraph breaks and dateline dashes (``RENO, Nev. (AP) — ...``), and without a relative
    clause that is itself an attribution (``Barkley, who said he votes Democratic, said ...``)."""
    left, right = head.left_edge.i, head.right_edge.i
    for child in head.children:
        if child.dep_ == "relcl" and child.i > head.i and _cue_at(child, c.cues) is not None:
            right = min(right, child.left_edge.i - 1)
    lo = head.i
    while lo > left and c.zone[lo - 1] < 0 and not _boundary(c.doc[lo - 1]):
        lo -= 1
    hi = head.i
    while hi < right and c.zone[hi + 1] < 0 and not _boundary(c.doc[hi + 1]):
        hi += 1
    toks = list(c.doc[lo : hi + 1])
    while toks and (toks[0].text in _TRIM or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].text in _TRIM or toks[-1].is_space):
        toks.pop()
    return _token_span(c.text, toks)


def _boundary(tok: Token) -> bool:
    return "\n" in tok.text or tok.text in {"—", "--", "–", ":"}


def _actor_for(actors: ActorIndex, head: Token, span: Span | None) -> ActorRef | None:
    ref = actors.ref_at(head)
    if ref is not None or span is None:
        return ref
    for tok in head.doc.char_span(span.start, span.end, alignment_mode="expand") or ():
        ref = actors.ref_at(tok)
        if ref is not None:
            return ref
    return None


def _speaker(c: _Ctx, hit: _CueHit) -> tuple[Span | None, ActorRef | None]:
    head = _according_speaker(hit.verb) if hit.cue.lemma == "according to" else _subject(hit.verb)
    if head is None or (head.pos_ == "PRON" and head.lower_ in {"there", "what", "which", "that"}):
        return None, None
    span = _np_span(c, head)
    return span, _actor_for(c.actors, head, span)


def _found(c: _Ctx, hit: _CueHit | None, content: Span, direct: bool) -> Quote:
    """A quote without its id yet (:func:`_number` gives ids once all are found)."""
    if hit is None:
        return Quote("", None, None, None, content, direct)
    speaker, actor = _speaker(c, hit)
    return Quote("", speaker, actor, _token_span(c.text, hit.tokens), content, direct, hit.cue.lemma, hit.cue.stance)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _speechlike(c: _Ctx, q: QuotedSpan, tokens: list[Token]) -> bool:
    """Whether quoted words read as someone's speech rather than a title, a name or scare quotes.

    Words that continue the surrounding clause (``has "always run a lean campaign."``,
    ``the "Great Satan."``) are not direct speech: they start in lower case, or follow a
    word of the clause, and are left to the indirect and partial passes.
    """
    inner = c.text[q.content_start : q.content_end].strip()
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    if tokens[0].i >= 2:
        before = c.doc[tokens[0].i - 2]
        continues_clause = not before.is_punct and not before.is_space
        if continues_clause and (inner[:1].islower() or before.pos_ in {"DET", "ADP", "ADJ", "AUX", "PART"}):
            return False
    ends = inner[-1:] in {".", ",", "!", "?", ";", ":", "…"}
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    return (ends and len(words) >= 3 and has_verb) or (len(words) >= 5 and has_verb) or len(words) >= 9


def _window_cue(c: _Ctx, tokens: Iterable[Token]) -> _CueHit | None:
    for tok in tokens:
        if c.zone[tok.i] >= 0:
            break
        hit = _cue_at(tok, c.cues)
        if hit is not None and (hit.cue.lemma == "according to" or _subject(tok) is not None):
            return hit
    return None


def _after(c: _Ctx, q_end_tok: int) -> list[Token]:
    out: list[Token] = []
    for tok in c.doc[q_end_tok : min(len(c.doc), q_end_tok + _AFTER_WINDOW)]:
        if c.zone[tok.i] >= 0 or "\n" in tok.text or tok.text in _SENT_END:
            break
        out.append(tok)
    return out


def _before(c: _Ctx, q_start_tok: int) -> list[Token]:
    out: list[Token] = []
    for tok in reversed(c.doc[max(0, q_start_tok - _BEFORE_WINDOW) : q_start_tok]):
        if c.zone[tok.i] >= 0 or "\n" in tok.text or tok.text in _SENT_END:
            break
        out.append(tok)
    return out  # nearest first


def _direct(c: _Ctx, spans: tuple[QuotedSpan, ...]) -> tuple[list[Quote], list[int], set[int]]:
    """Direct quotes, the indices of the short (non-speech) quoted spans, and the cue tokens used."""
    found: list[Quote] = []
    short: list[int] = []
    used: set[int] = set()
    previous: tuple[_CueHit, int] | None = None  # the last cue that followed its quote, and where its sentence ends
    for qi, q in enumerate(spans):
        toks = _tokens_in(c.doc, q.content_start, q.content_end)
        if not toks:
            continue
        if not _speechlike(c, q, toks):
            short.append(qi)
            continue
        first, last = toks[0].i, toks[-1].i
        q_start = first - 1 if first > 0 and c.zone[first - 1] == qi else first
        q_end = last + 2 if last + 1 < len(c.doc) and c.zone[last + 1] == qi else last + 1
        inner_end = c.text[q.content_start : q.content_end].rstrip()[-1:]
        after_toks = _after(c, q_end)
        after = _window_cue(c, after_toks)
        before = _window_cue(c, _before(c, q_start))
        hit = after if after is not None and (inner_end in {",", "?", "!", "—", "-"} or before is None) else before
        if hit is None and previous is not None and not c.text[previous[1] : q.open_start].strip(" .,;:"):
            # '"A," she said. "B."': B continues the quote just attributed, in the same paragraph
            hit = previous[0]
        content = _strip_span(c.text, q.content_start, q.content_end)
        if content is None:
            continue
        previous = None
        if hit is not None:
            used.update(t.i for t in hit.tokens)
            if hit is after:
                end_tok = after_toks[-1] if after_toks else hit.verb
                previous = (hit, end_tok.idx + len(end_tok.text))
            else:  # 'She said: "A." "B."'
                previous = (hit, q.close_end)
        found.append(_found(c, hit, content, True))
    return found, short, used


def _clause_span(c: _Ctx, head: Token) -> Span | None:
    return _trimmed(c, list(head.subtree))


def _indirect_content(c: _Ctx, hit: _CueHit) -> tuple[Span, ...]:
    verb, lemma = hit.verb, hit.cue.lemma
    if lemma == "according to":
        host = verb.head
        while host.dep_ == "conj" and host.head.i != host.i:
            host = host.head
        return _around(c, host, verb) if host.i != verb.i else ()
    if hit.cue.direct_only:
        return ()
    children = list(verb.children)
    if hit.tokens[-1].i > verb.i and hit.tokens[-1].dep_ == "prep":
        for child in hit.tokens[-1].children:
            if child.dep_ in {"pobj", "pcomp"}:
                return _one(_clause_span(c, child))
    for child in children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            return _one(_to_clause_end(c, verb, child))
    for child in children:
        if child.dep_ == "ccomp" and _fronted(verb, child):
            return _one(_clause_span(c, child))
    as_clause = verb.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ == "as" for ch in children)
    if (verb.dep_ == "parataxis" or as_clause) and _subject(verb) is not None:
        # "This campaign, he says, is different.": the host clause around the cue
        return _around(c, verb.head, verb)
    if lemma in _OBJ_THEN_CONTENT:
        for child in children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                return _one(_clause_span(c, child))
    prep = _PREP_CONTENT.get(lemma)
    if prep is not None:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == prep:
                for grand in child.children:
                    if grand.dep_ in {"pobj", "pcomp"}:
                        objects = [ch for ch in children if ch.dep_ == "dobj" and verb.i < ch.i < child.i]
                        return _one(_to_clause_end(c, verb, objects[0] if objects else grand))
    if lemma in _NAMING:
        return _one(_naming(c, verb, children))
    if lemma not in _NO_DOBJ_CONTENT:
        for child in children:
            if child.dep_ == "dobj" and child.i > verb.i and child.pos_ != "PRON":
                as_phrase = [ch for ch in children if ch.dep_ == "prep" and ch.lower_ == "as" and ch.i > child.i]
                if as_phrase:
                    return _one(_trimmed(c, list(c.doc[child.left_edge.i : as_phrase[0].right_edge.i + 1])))
                return _one(_clause_span(c, child))
    return ()


def _fronted(verb: Token, clause: Token) -> bool:
    """``The talks will fail, the minister said``: only punctuation and the subject between clause and cue."""
    subject = _subject(verb)
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    allowed = set(t.i for t in subject.subtree) if subject is not None and subject.head.i == verb.i else set()
    return clause.i < verb.i and all(t.is_punct or t.i in allowed or t.dep_ in {"aux", "neg"} for t in between)


def _to_clause_end(c: _Ctx, verb: Token, first: Token) -> Span | None:
    """From ``first``'s phrase to the end of the cue's clause (PolNeAR's content runs on through
    ``, but ...`` and trailing phrases), stopping before another cue, a sentence end or a quote."""
    start = first.left_edge.i
    end = max(first.right_edge.i, verb.right_edge.i)
    stop = end
    for tok in c.doc[first.right_edge.i + 1 : end + 1]:
        if tok.text in _SENT_END or tok.text == ";" or "\n" in tok.text:
            stop = tok.i - 1
            break
        if tok.i != verb.i and _cue_at(tok, c.cues) is not None:
            stop = tok.i - 1
            break
    if stop < first.right_edge.i:
        stop = first.right_edge.i
    return _trimmed(c, list(c.doc[start : stop + 1]))


def _naming(c: _Ctx, verb: Token, children: list[Token]) -> Span | None:
    """``called Trump a fascist``, ``branded the plan "reckless"``: the object with what it is called."""
    parts = [
        ch
        for ch in children
        if ch.i > verb.i
        and (ch.dep_ in {"dobj", "oprd", "ccomp", "xcomp"} or (ch.dep_ == "prep" and ch.lower_ == "as"))
    ]
    if not parts or all(c.zone[t.i] >= 0 for t in parts[-1].subtree if not t.is_punct):
        return None  # a quoted label is a partial quote: its content is the quoted words
    if len(parts) == 1 and not any(t.dep_ == "appos" or c.zone[t.i] >= 0 for t in parts[0].subtree):
        return None
    return _trimmed(c, list(c.doc[parts[0].left_edge.i : parts[-1].right_edge.i + 1]))


def _one(span: Span | None) -> tuple[Span, ...]:
    return (span,) if span is not None else ()


def _trimmed(c: _Ctx, toks: list[Token]) -> Span | None:
    """Tokens as a span without edge punctuation; a quote opened inside keeps its closing mark."""
    while toks and (toks[0].text in _TRIM or toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    after_dateline = dateline_end(c.doc, toks[0].i) if toks else None
    if after_dateline is not None:  # "KYIV, June 11 (Wire) - Russian forces shelled ..., the ministry said"
        toks = [t for t in toks if t.i >= after_dateline]
    while toks and (toks[-1].text in _TRIM or toks[-1].text in _SENT_END or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    if len(toks) < 2:
        return None
    last = toks[-1]
    qi = c.zone[last.i]
    if qi >= 0 and c.zone[toks[0].i] != qi:
        end = last.i
        while end + 1 < len(c.doc) and c.zone[end + 1] == qi:
            end += 1
        toks.extend(c.doc[last.i + 1 : end + 1])
    return _token_span(c.text, toks)


def _around(c: _Ctx, host: Token, cut: Token) -> tuple[Span, ...]:
    """The host clause without the cue's own phrase (``according to X``, ``he says``), as one or two spans."""
    lo, hi = cut.left_edge.i, cut.right_edge.i
    clause = list(host.subtree)
    left = _trimmed(c, [t for t in clause if t.i < lo])
    right = _trimmed(c, [t for t in clause if t.i > hi])
    return tuple(s for s in (left, right) if s is not None)


def _covers_speech(span: Span, speech: list[QuotedSpan], starts: list[int]) -> bool:
    """True when the reported clause is (mostly) a direct quote handled in pass 1.

    ``speech`` is in text order and ``starts`` holds its content starts, so only the quotes
    that can overlap the span are looked at.
    """
    for k in range(max(0, bisect.bisect_right(starts, span.start) - 1), len(speech)):
        q = speech[k]
        if q.content_start >= span.end:
            break
        inner = q.content_end - q.content_start
        overlap = min(span.end, q.content_end) - max(span.start, q.content_start)
        if overlap > 0.5 * inner and overlap > 0.5 * (span.end - span.start):
            return True
        if span.start >= q.content_start - 1 and span.end <= q.content_end + 1:
            return True
    return False


def _partial(c: _Ctx, q: QuotedSpan) -> Quote | None:
    """A short quoted phrase is a quote when a cue verb governs it (not as its subject)."""
    toks = _tokens_in(c.doc, q.content_start, q.content_end)
    roots = [t for t in toks if not (q.content_start <= t.head.idx < q.content_end) or t.head.i == t.i]
    if not roots:
        return None
    node = roots[0]
    for _ in range(4):
        parent = node.head
        if parent.i == node.i or node.dep_ in _SUBJ or node.dep_ in {"agent", "appos", "compound", "amod", "nmod"}:
            return None
        hit = _cue_at(parent, c.cues)
        if hit is not None:
            content = _strip_span(c.text, q.content_start, q.content_end)
            return _found(c, hit, content, True) if content else None
        node = parent
    return None


def extract_quotes(doc: Doc, actors: ActorIndex, cues: CueLexicon) -> tuple[Quote, ...]:
    """Every attribution in the article, direct and indirect, in text order (ids Q1, Q2, ...)."""
    text = doc.text
    scan = find_quote_marks(text)
    zone = [-1] * len(doc)
    for qi, q in enumerate(scan.spans):
        span = doc.char_span(q.open_start, q.close_end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                zone[i] = qi
    c = _Ctx(doc, text, zone, cues, actors)
    found, short, used = _direct(c, scan.spans)
    short_set = set(short)
    speech = [scan.spans[qi] for qi in range(len(scan.spans)) if qi not in short_set]
    starts = [q.content_start for q in speech]
    for tok in doc:
        if zone[tok.i] >= 0 or tok.i in used:
            continue
        hit = _cue_at(tok, cues)
        if hit is None:
            continue
        for content in _indirect_content(c, hit):
            if not _covers_speech(content, speech, starts):
                found.append(_found(c, hit, content, False))
    covered = sorted((f.content.start, f.content.end) for f in found)
    reach = list(itertools.accumulate((e for _, e in covered), max))  # furthest end among contents starting so far
    for qi in short:
        q = scan.spans[qi]
        k = bisect.bisect_right(covered, (q.open_start, len(text) + 1)) - 1
        if k >= 0 and reach[k] >= q.close_end:
            continue  # inside a reported clause already found: part of that quote
        partial = _partial(c, q)
        if partial is not None:
            found.append(partial)
    return _number(found)


def _number(found: list[Quote]) -> tuple[Quote, ...]:
    seen: set[tuple[int, int]] = set()
    out: list[Quote] = []
    for f in sorted(found, key=lambda f: (f.content.start, f.content.end)):
        key = (f.content.start, f.content.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(f, id=f"Q{len(out) + 1}"))
    return tuple(out)
