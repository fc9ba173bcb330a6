"""One exception tree. Every message names the input and says how to fix the problem."""

from __future__ import annotations


class TacitusError(Exception):
    """Base of every error tacitus raises on purpose."""


class InputError(TacitusError):
    """An input (file, line, field) that cannot be analyzed.

    ``where`` names the input precisely (``in.jsonl line 17``) so a batch can
    report what it skipped.
    """

    def __init__(self, where: str, problem: str, fix: str) -> None:
        self.where = where
        self.problem = problem
        self.fix = fix
        super().__init__(f"{where}: {problem}; {fix}")


class ConfigError(TacitusError):
    """A setting, model or environment variable that is wrong or missing."""


class DictionaryError(TacitusError):
    """A malformed lexicon or dictionary file (user-supplied or shipped)."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str = "correct or remove the line") -> None:
        self.path = path
        self.line = line
        where = f"{path} line {line}" if line is not None else path
        super().__init__(f"{where}: {problem}; {fix}")


class StoreError(TacitusError):
    """The corpus store cannot be opened, written or read as asked."""
