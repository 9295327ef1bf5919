"""Builds resources/given_names.csv and resources/surnames.csv from public US name lists.

Source: the US Census Bureau 1990 name frequency lists (public domain), as shipped in the PyPI
package `names` 0.3.0 (MIT; files names/dist.male.first, dist.female.first, dist.all.last).
Each name is flagged `1` when it is also an ordinary lower-case English word in the SCOWL
`wamerican` word list (Debian package 2020.12.07), so the screen can ask for capitals before it
treats such a word ("Hope", "Will", "Rose") as a name.

Usage: python tools/build_name_lists.py NAMES_PACKAGE_DIR /usr/share/dict/american-english
"""

from __future__ import annotations

import sys
from pathlib import Path

SURNAMES_KEPT = 20_000  # the most common; they cover about 85 % of the 1990 population
HEADER = (
    "# {what} from US Census 1990 ({files}) via PyPI names 0.3.0; "
    "ordinary_word = also a lower-case word in SCOWL wamerican 2020.12.07\nname,ordinary_word\n"
)
# Common in names, rare as words in program notes: do not ask for capitals.
NAMES_NOT_WORDS = {
    "john", "maria", "peter", "mike", "nick", "tony", "matt", "josh", "bob", "bobby", "billy",
    "jimmy", "harry", "roger", "hector", "terry", "randy", "sally", "carol", "colleen", "heather",
    "derrick", "earl", "eddy", "sue", "tom", "ken", "hank", "chuck", "jack", "victor", "frank",
    "martin", "rick", "sherry", "sonny", "patsy", "patty", "peg", "meg", "barney", "mickey",
}  # fmt: skip


def _names(path: Path, limit: int | None = None) -> list[str]:
    lines = path.read_text(encoding="ascii").splitlines()
    return [line.split()[0].lower() for line in lines[:limit] if line.strip()]


def _write(target: Path, names: list[str], words: set[str], what: str, files: str) -> None:
    rows = [f"{n},{int(n in words and n not in NAMES_NOT_WORDS)}" for n in names]
    target.write_text(HEADER.format(what=what, files=files) + "\n".join(rows) + "\n", "utf-8")


def main(package_dir: Path, word_list: Path) -> None:
    words = {w for w in word_list.read_text("utf-8").split() if w.islower() and "'" not in w}
    given = sorted(set(_names(package_dir / "dist.male.first"))
                   | set(_names(package_dir / "dist.female.first")))  # fmt: skip
    surnames = _names(package_dir / "dist.all.last", SURNAMES_KEPT)  # commonest first
    resources = Path(__file__).resolve().parent.parent / "resources"
    _write(resources / "given_names.csv", given, words, "Given names",
           "dist.male.first + dist.female.first")  # fmt: skip
    _write(resources / "surnames.csv", surnames, words, f"The {SURNAMES_KEPT} commonest surnames",
           "dist.all.last")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
