"""The bundled lists of common US given names and surnames, loaded once, on first use.

Knows the two CSV files in resources/ (built by tools/build_name_lists.py from the US Census 1990
lists); knows nothing about text or where a name appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

COMMONEST = 2_000


@dataclass(frozen=True)
class NameList:
    """Names (lower case) and which of them are also ordinary English words."""

    names: frozenset[str]
    ordinary_words: frozenset[str]
    commonest: frozenset[str]  # the first COMMONEST of the file (surnames are listed by frequency)

    def __contains__(self, word: object) -> bool:
        return word in self.names

    def is_clear_name(self, word: str) -> bool:
        """A listed name that is not also an everyday word ("maria", not "hope")."""
        return word in self.names and word not in self.ordinary_words


def _read(file_name: str) -> NameList:
    text = resources.files("resources").joinpath(file_name).read_text(encoding="utf-8")
    names: list[str] = []
    words: set[str] = set()
    for line in text.splitlines()[2:]:
        name, _, ordinary = line.partition(",")
        names.append(name)
        if ordinary == "1":
            words.add(name)
    return NameList(frozenset(names), frozenset(words), frozenset(names[:COMMONEST]))


@cache
def given_names() -> NameList:
    return _read("given_names.csv")


@cache
def surnames() -> NameList:
    return _read("surnames.csv")
