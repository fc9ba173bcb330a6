"""Quotes: direct and indirect attributions tied to a speaker.

Public surface: :class:`CueLexicon`, :func:`load_cue_lexicon`, :func:`extract_quotes`,
and :func:`find_quote_marks` (the mark pairing, with the problems it recovered from).

Conventions (see also ``docs`` in :mod:`tacitus.quotes.extract`):

- ``content`` is the quoted words without the marks (direct) or the reported clause
  including its complementiser ``that`` (indirect).
- A split quote (``"A," she said, "B."``) is two quotes with the same speaker and cue:
  one ``content`` span cannot skip the cue, and each half is verbatim.
- A quote running over several paragraphs (each reopened, closed once) is one quote.
- Scare quotes and quoted titles (``the self-styled "X Council"``) are not quotes; a
  short quoted phrase is a (partial) quote only when a cue verb governs it
  (``branding it "reckless"``).
- ``speaker`` is the subject noun phrase of the cue verb, with appositions and titles;
  ``speaker_actor`` is the actor index's mention at the speaker's head (or inside the
  speaker span), else None: speakers are never guessed.

``cue_stance`` carries the colour of the cue verb for the framing stage:

- ``neutral``: say, tell, add, state, report, write ...
- ``doubt``: the writer distances themself from the claim (claim, allege, contend, purport)
- ``endorse``: the verb presupposes the content is true (confirm, reveal, note, explain, recall)
- ``concede``: the speaker grants something against their interest (admit, acknowledge, concede)
- ``insist``: emphatic or repeated assertion (insist, maintain, stress, argue, vow, declare)
- ``deny``: rejection of a claim (deny, dismiss, reject, refute, dispute)
- ``accuse``: blame or condemnation (accuse, blame, criticize, condemn, denounce, brand)
- ``hedge``: opinion or conjecture (suggest, believe, think, predict, speculate)
"""

from __future__ import annotations

from tacitus.quotes.extract import extract_quotes
from tacitus.quotes.lexicon import STANCES, Cue, CueLexicon, load_cue_lexicon, read_cue_file
from tacitus.quotes.marks import MarkProblem, MarkScan, QuotedSpan, find_quote_marks

__all__ = [
    "STANCES",
    "Cue",
    "CueLexicon",
    "MarkProblem",
    "MarkScan",
    "QuotedSpan",
    "extract_quotes",
    "find_quote_marks",
    "load_cue_lexicon",
    "read_cue_file",
]
