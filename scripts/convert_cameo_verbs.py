"""Convert the PETRARCH2 CAMEO verb-pattern dictionary into tacitus' event lexicon TSVs.

Usage (from the repository root)::

    python scripts/convert_cameo_verbs.py ../shared/data

Reads ``dictionaries/petrarch2/CAMEO.2.0.txt`` (MIT, Open Event Data Alliance) and maps each
CAMEO code to a PLOVER event, mode and context with ``events/plover/CAMEO2PLOVER-2021.txt``.
Writes ``src/tacitus/data/events/cameo_verbs.tsv`` and ``cameo_synsets.tsv``.

What is kept: verb blocks (a group of synonym verbs with a default code), each verb's own
code, and the block's patterns (``- * WORD (PREP NOUN)``). Words before the verb constrain
its subject and are written with a leading ``<`` (``- EARTHQUAKE *`` -> ``<earthquake``);
``BY/WITH`` alternatives become ``by|with``. The source/target markers (``$``, ``+``, ``^``,
``%``) are dropped: tacitus attaches arguments on the dependency parse instead. A pattern
coded ``[---]`` or under CAMEO 01 (public statement, no PLOVER event) is kept with an empty
event: it stops the verb's default code ("an earthquake killed", "killed in an accident").
CAMEO 02 (appeal) is coded REQUEST with the mode of the matching CAMEO 10 code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "src" / "tacitus" / "data" / "events"

#: CAMEO 02x (appeal) -> the CAMEO 10x (demand) code carrying the same PLOVER mode and context.
APPEAL_AS_DEMAND = {
    "020": "100",
    "021": "101",
    "0211": "1011",
    "0212": "1012",
    "0213": "1013",
    "0214": "1014",
    "022": "102",
    "023": "103",
    "0231": "1031",
    "0232": "1032",
    "0233": "1033",
    "0234": "1034",
    "024": "104",
    "0241": "1041",
    "0242": "1042",
    "0243": "1043",
    "0244": "1044",
    "025": "105",
    "0251": "1051",
    "0252": "1052",
    "0253": "1053",
    "0254": "1054",
    "0255": "1055",
    "0256": "1056",
    "026": "106",
    "027": "107",
    "028": "108",
}

#: CAMEO codes whose PLOVER type (and mode) the v0.8 manual's own text sets otherwise than CAMEO2PLOVER's table: an
#: expressed intent to yield (035x) is a future retreat or concession, which "do[es] not reduce to AGREE" (AGREE and
#: CONCEDE sections); "International (political or economic) sanctions are coded as 'discontinue'", a SANCTION mode
#: (SANCTION section), where the table still says COERCE for 163 (impose embargo, boycott or sanctions). Eased curfews
#: and states of emergency (0813, 0814) stay RETREAT as the table has them (its note of 21.09.17), though the CONCEDE
#: section lists "removing curfews": the hand-written rows and the regression files follow the table.
MANUAL_TYPES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("035", "0351", "0352", "0353", "0354", "0355", "0356"), ("CONCEDE", "")),
    "163": ("SANCTION", "discontinue"),
}

_CODE = re.compile(r"\[([^\]]*)\]")


def read_plover_map(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (event, mode, context); context codes joined with ';'."""
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line or line.startswith("~"):
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        if len(parts) < 2 or not parts[0]:
            continue
        event = parts[0]
        mode = parts[1].replace(" ", "") if len(parts) > 1 else ""
        context = (
            ";".join(c.strip().replace(" ", "_") for c in parts[2].split(";") if c.strip()) if len(parts) > 2 else ""
        )
        out[code.strip()] = (event, mode, context)
    return out


def plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    if code in MANUAL_TYPES:
        event, mode = MANUAL_TYPES[code]
        found = _table_entry(code, table)
        return (event, mode, found[2]) if found else (event, mode, "")
    return _table_entry(code, table)


def _table_entry(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    code = APPEAL_AS_DEMAND.get(code, code)
    while code:
        if code in table and len(code) > 2:
            return table[code]
        if len(code) == 2 and code in table:
            return table[code]
        code = code[:-1]
    return None


def parse_code(text: str) -> str | None:
    m = _CODE.search(text)
    if not m:
        return None
    for part in m.group(1).split(":"):
        part = part.strip()
        if part and part != "---" and part.isdigit():
            return part
    return None


def clean_word(word: str) -> str:
    return word.strip().lstrip("+").rstrip("_").replace("_", " ").lower()


def parse_pattern(body: str) -> list[str] | None:
    """``* AID (TO {ARMS SHIPMENT})`` -> ['aid', 'to', 'arms', 'shipment']; ``EARTHQUAKE *`` -> ['<earthquake'];
    None if unusable."""
    body = body.strip()
    if body.count("*") != 1:
        return None
    before, after = body.split("*")
    subject = _pattern_words(before)
    following = _pattern_words(after)
    if subject is None or following is None:
        return None
    words = ["<" + w for w in subject] + following
    return words or None


def _pattern_words(text: str) -> list[str] | None:
    words: list[str] = []
    for raw in re.split(r"[\s(){}]+", text):
        if not raw or raw in {"$", "+", "^", "%", "="}:
            continue
        if raw.startswith("&"):
            words.append(raw.rstrip("_").lower())
        elif re.fullmatch(r"[A-Za-z][A-Za-z'\-]*(/[A-Za-z][A-Za-z'\-]*)*_?", raw):
            words.extend(clean_word(raw).replace("/", "|").split())
        else:
            return None
    return words


def convert(data_dir: Path) -> tuple[list[list[str]], list[list[str]]]:
    source = data_dir / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
    table = read_plover_map(data_dir / "events" / "plover" / "CAMEO2PLOVER-2021.txt")
    rows: list[list[str]] = []
    synsets: list[list[str]] = []
    seen: set[tuple[str, str, str]] = set()
    group = ""
    group_code: str | None = None
    current_set: str | None = None
    in_verbs = False
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if not in_verbs:
            if text.startswith("&"):
                current_set = text.strip().rstrip("_").lower()
            elif text.startswith("+") and current_set and not current_set.startswith(("&aux", "&tobe", "&prep")):
                synsets.append([current_set, clean_word(text)])
            continue
        if not text.strip():
            continue
        if text.startswith("---"):
            group = text.strip("- ").split("[")[0].strip().lower()
            group_code = parse_code(text)
            continue
        if text.startswith("-"):
            code = parse_code(text)
            body = _CODE.split(text[1:])[0]
            words = parse_pattern(body)
            if words is None:
                continue
            mapped = plover_for(code, table) if code else None
            if mapped is None and code is not None and not code.startswith("01"):
                continue  # a code PLOVER does not map (a few 17x): the verb's default stays
            _emit(rows, seen, group, "*", " ".join(words), mapped, code or "")
            continue
        # a verb line: WORD {forms} [code] or +MULTI_WORD {forms} [code]
        head = re.split(r"[\s{\[]", text.strip(), maxsplit=1)[0]
        if not re.fullmatch(r"\+?[A-Za-z][A-Za-z_\-]*", head):
            continue
        words = clean_word(head).split()
        lemma, particle = words[0], " ".join(words[1:])
        code = parse_code(text.split("}", 1)[-1]) or group_code
        mapped = plover_for(code, table) if code else None
        if mapped is None or code is None:
            _emit(rows, seen, group, lemma, particle, None, "")
        else:
            _emit(rows, seen, group, lemma, particle, mapped, code)
    return rows, synsets


def _emit(
    rows: list[list[str]],
    seen: set[tuple[str, str, str]],
    group: str,
    lemma: str,
    pattern: str,
    mapped: tuple[str, str, str] | None,
    code: str,
) -> None:
    key = (group, lemma, pattern)
    event, mode, context = mapped if mapped else ("", "", "")
    if key in seen:
        if mapped:  # the dictionary repeats a pattern with a null and a real code: the code wins
            for row in rows:
                if tuple(row[:3]) == key and not row[3]:
                    row[3:] = [event, mode, context, code]
        return
    seen.add(key)
    rows.append([group, lemma, pattern, event, mode, context, code])


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]) if len(argv) > 1 else HERE.parent / "shared" / "data"
    rows, synsets = convert(data_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    header = (
        "# Converted by scripts/convert_cameo_verbs.py from the PETRARCH2 CAMEO verb-pattern dictionary\n"
        "# (CAMEO.2.0.txt, MIT, (c) 2015 Open Event Data Alliance), mapped to PLOVER v0.8 with\n"
        "# CAMEO2PLOVER-2021.txt (Open Event Data Alliance). Do not edit by hand: edit manual.tsv.\n"
        "# group: the CAMEO verb block; lemma '*' = a pattern for every verb of the block;\n"
        "# an empty event = the verb only codes through a pattern. pattern: words that must appear\n"
        "# among the verb's dependents (&set = any word of cameo_synsets.tsv).\n"
    )
    with (OUT / "cameo_verbs.tsv").open("w", encoding="utf-8") as f:
        f.write(header)
        f.write("group\tlemma\tpattern\tevent\tmode\tcontext\tcameo\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    with (OUT / "cameo_synsets.tsv").open("w", encoding="utf-8") as f:
        f.write(header.splitlines()[0] + "\n" + header.splitlines()[1] + "\n")
        f.write("set\tword\n")
        for s in synsets:
            f.write("\t".join(s) + "\n")
    print(f"wrote {len(rows)} verb rows and {len(synsets)} synonym-set words to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
