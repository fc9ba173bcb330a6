"""The parsed-dictionary cache: reused while the files are unchanged, rebuilt when one changes, never in the way."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tacitus.actors import DATA as SHIPPED_DATA
from tacitus.actors import SHIPPED
from tacitus.actors.lexicon import ActorLexicon, build_lexicon, default_cache_dir

DATA = Path(__file__).parent / "data" / "actors"

HEADER = "# source: hand-written for the cache tests\n# name\tkind\tcodes\taliases\n"


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _same(a: ActorLexicon, b: ActorLexicon) -> None:
    assert list(a.phrases) == list(b.phrases)
    assert a.phrases == b.phrases
    assert a.max_len == b.max_len and a.lengths == b.lengths and a.notes == b.notes


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("actors-*.marshal"))


def test_cached_lexicon_is_written_once_and_read_back_equal(tmp_path: Path) -> None:
    shipped = [
        _write(
            tmp_path / "a.tsv", ["Velorian_Navy\torg\tVLR/MIL@2001-01-01..2010-12-31; VLR/MIL\tvelorian navy|the navy"]
        ),
        _write(tmp_path / "b.tsv", ["Velor\tcountry\tVLR/-\tvelorian|velorians", "Navy\trole\t-/MIL\tthe navy"]),
    ]
    cache = tmp_path / "cache"
    fresh = build_lexicon(shipped, [])
    first = build_lexicon(shipped, [], cache)
    files = _cache_files(cache)
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = build_lexicon(shipped, [], cache)
    assert files[0].stat().st_mtime_ns == stamp  # read, not rewritten
    _same(fresh, first)
    _same(fresh, second)
    navy = second.phrases[("the", "navy")]
    assert navy.source == "a.tsv:3"  # the first file that names a phrase wins, through the cache too
    assert navy.code_on(date(2005, 6, 1)) == ("VLR", "MIL") and navy.codings[0].end == date(2010, 12, 31)


def test_stale_cache_is_rebuilt_when_a_data_file_changes(tmp_path: Path) -> None:
    data = _write(tmp_path / "a.tsv", ["Velor\tcountry\tVLR/-\tvelorian"])
    cache = tmp_path / "cache"
    assert build_lexicon([data], [], cache).get("Ostrava Pact") is None
    _write(data, ["Velor\tcountry\tVLR/-\tvelorian", "Ostrava_Pact\tigo\tIGO/-\t"])
    st = data.stat()
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    changed = build_lexicon([data], [], cache)
    pact = changed.get("Ostrava Pact")
    assert pact is not None and pact.code_on(None) == ("IGO", None)
    _same(build_lexicon([data], []), changed)
    again = build_lexicon([data], [], cache)
    assert again.get("Ostrava Pact") == pact


def test_user_actor_file_is_honoured_over_a_cached_shipped_file(tmp_path: Path) -> None:
    shipped = [SHIPPED_DATA / "capitals.tsv"]
    user = [DATA / "user.tsv", DATA / "sample.actors"]
    cache = tmp_path / "cache"
    build_lexicon(shipped, [], cache)  # the cache now holds the shipped file
    with_user = build_lexicon(shipped, user, cache)
    kyiv = with_user.get("Kyiv")
    assert kyiv is not None and kyiv.code_on(None) == ("UKR", "PRE")
    assert any("kyiv" in note and "capitals.tsv" in note for note in with_user.notes)
    _same(build_lexicon(shipped, user), with_user)


def test_unwritable_or_damaged_cache_falls_back_to_the_files(tmp_path: Path) -> None:
    data = _write(tmp_path / "a.tsv", ["Velor\tcountry\tVLR/-\tvelorian"])
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    lexicon = build_lexicon([data], [], blocker / "cache")
    assert lexicon.get("Velorian") is not None and not (blocker / "cache").exists()
    cache = tmp_path / "cache"
    build_lexicon([data], [], cache)
    (cached,) = _cache_files(cache)
    cached.write_bytes(b"\x00 not marshal data")
    damaged = build_lexicon([data], [], cache)
    assert damaged.get("Velorian") is not None
    _same(build_lexicon([data], []), damaged)
    assert cached.read_bytes() != b"\x00 not marshal data"  # rewritten


@pytest.mark.slow
def test_shipped_dictionaries_through_the_cache_equal_the_files(tmp_path: Path) -> None:
    shipped = [SHIPPED_DATA / name for name in SHIPPED]
    direct = build_lexicon(shipped, [])
    build_lexicon(shipped, [], tmp_path)
    _same(direct, build_lexicon(shipped, [], tmp_path))


def test_default_cache_dir_follows_the_environment(tmp_path: Path) -> None:
    assert default_cache_dir({"TACITUS_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert default_cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "tacitus"
    assert default_cache_dir({}) == Path.home() / ".cache" / "tacitus"


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert default_cache_dir({}) is None
