"""Finds people's names in a note: honorifics, initials, given + surname, possessives, cue words.

Knows the bundled name lists and the words around names in program notes; knows nothing about
who the agency's personnel are (the caller passes their names in) or about other identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from models.common.name_lists import given_names, surnames

PLAIN_HONORIFICS = {"mr", "mrs", "ms", "mx"}  # never an ordinary word, in any case
HONORIFICS = {"mr", "mrs", "ms", "mx", "miss", "mister", "dr", "doctor", "sr", "sra", "srta"}
# A rank or role in front of a name marks the agency's own people ("Sgt. Alvarez restocked").
RANKS = {
    "sgt", "sergeant", "lt", "lieutenant", "capt", "cpt", "captain", "officer", "ofc", "po",
    "det", "detective", "deputy", "dep", "trooper", "tpr", "chief", "ff", "firefighter", "emt",
    "medic", "paramedic", "cpl", "corporal", "sheriff", "inspector", "commissioner", "cmdr",
    "commander", "major", "maj", "coordinator", "director", "trainer", "instructor", "supervisor",
}  # fmt: skip
CUES = {
    "pt", "patient", "named", "aka", "client", "recipient", "victim", "subject", "mother", "father",
    "mom", "dad", "son", "daughter", "wife", "husband", "brother", "sister", "girlfriend",
    "boyfriend", "gf", "bf", "friend", "roommate", "neighbor", "neighbour", "uncle", "aunt",
    "cousin", "grandmother", "grandfather", "grandma", "grandpa", "nephew", "niece", "fiance",
    "fiancee", "spouse", "partner", "caregiver", "landlord", "name", "called", "pt's", "mr/mrs",
}  # fmt: skip
KIN = {
    "mother", "father", "mom", "dad", "son", "daughter", "wife", "husband", "brother", "sister",
    "girlfriend", "boyfriend", "gf", "bf", "friend", "roommate", "neighbor", "neighbour", "uncle",
    "aunt", "cousin", "grandmother", "grandfather", "grandma", "grandpa", "nephew", "niece",
    "fiance", "fiancee", "spouse", "named", "aka",
}  # fmt: skip
PROGRAM_WORDS = {
    "narcan", "naloxone", "kit", "kits", "card", "cards", "info", "spray", "strips", "doses",
    "dose", "treatment", "referral", "services", "training", "the", "a", "an", "and", "at",
    "present", "declined", "accepted", "refused", "took", "was", "is", "also", "too", "said",
    "called", "arrived", "left", "gave", "given", "trained", "showed", "shown", "on", "in",
}  # fmt: skip
KIN_OR_HOME = CUES | {"house", "home", "place", "apartment", "apt", "room", "car", "residence",
                      "kids", "kid", "baby", "family", "children", "child", "parents"}  # fmt: skip
# Lower-case words after which a lower-case given name is a person ("spoke with stephanie").
PERSON_CONTEXT = {"with", "to", "w", "for", "told", "tell", "spoke", "gave", "give", "called",
                  "met", "referred", "per", "and", "by", "from", "named", "pt", "left"}  # fmt: skip
PLACE_PREPOSITIONS = {"in", "near", "outside", "around", "through", "across", "into", "of"}
PLACE_PREFIXES = {"st", "saint", "ste", "mt", "mount", "fort", "ft", "lake", "port", "san",
                  "santa", "camp", "cape", "glens", "good", "new", "east", "west", "north",
                  "south", "upper", "lower", "old"}  # fmt: skip
PLACE_WORDS = {
    "st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "ln", "lane", "dr",
    "drive", "ct", "court", "pl", "place", "way", "hwy", "highway", "pkwy", "parkway", "ter",
    "terrace", "cir", "circle", "trail", "sq", "square", "plaza", "county", "co", "park", "center",
    "centre", "hospital", "memorial", "medical", "school", "high", "church", "hall", "library",
    "station", "heights", "village", "town", "city", "mall", "motel", "hotel", "inn", "shelter",
    "clinic", "health", "services", "outreach", "house", "apartments", "towers", "manor",
    "gardens", "commons", "college", "university", "academy", "lake", "river", "bridge", "beach",
    "field", "stadium", "arena", "pharmacy", "drugs", "market", "deli", "diner", "cafe", "bar",
    "grill", "garage", "falls", "hill", "hills", "island", "valley", "ridge", "creek", "point",
    "mission", "ministries", "foundation", "program", "team", "unit", "fire", "police",
    "ems", "department", "dept", "pd", "fd", "hs", "ms", "elementary", "shop", "shops", "store",
    "chapel", "cathedral", "temple", "rescue", "recovery", "treatment", "ambulance", "detox",
    "residence", "housing", "projects", "homes", "estates", "corners", "junction", "harbor",
    "day", "festival", "fest", "parade", "concert", "walk", "run", "lodge", "institute", "inc",
}  # fmt: skip
# Place words that are also common surnames ("Brandon Hall" is a person, "Hope Center" is not).
PLACE_SURNAMES = {"hall", "hill", "lane", "park", "field", "fields", "woods", "wood", "brooks",
                  "rivers", "grove", "church", "bell", "king", "price", "young"}  # fmt: skip
NOT_PERSON = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter", "christian", "catholic", "hudson", "troy",
    "elmira", "geneva", "chelsea", "brooklyn", "austin", "dallas", "denver", "florence",
    "chester", "madison", "jackson", "lincoln", "washington", "kingston", "clifton", "carmel",
    "orange", "virginia", "georgia", "carolina", "dakota", "indiana", "montana", "nevada",
    "florida", "india", "china", "israel", "paris", "sydney", "victoria", "alexandria",
    "columbia", "monroe", "clinton", "warren", "wayne", "hamilton", "franklin", "fulton",
    "jefferson", "livingston", "montgomery", "putnam", "sullivan", "essex", "erie", "greene",
    "lawrence", "schuyler", "seneca", "cayuga", "niagara", "ontario", "oswego", "ulster",
    "mercy", "trinity", "grace", "samaritan", "ellis", "jordan", "narcan", "sharon", "delaware",
    "lewis", "allegany", "chenango", "tioga", "wyoming", "cortland", "rochester", "buffalo",
    "syracuse", "albany", "utica", "schenectady", "saratoga", "ithaca", "binghamton", "queens",
    "bronx", "manhattan", "harlem", "yonkers", "nassau", "suffolk", "kings", "richmond",
}  # fmt: skip
ABBREVIATIONS = HONORIFICS | RANKS | PLACE_PREFIXES | {"no", "approx", "vs", "etc", "inc"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _key(raw: str) -> str:
    """Lower case, without a possessive ending or inner apostrophes ("O'Brien's" -> "obrien")."""
    return re.sub(r"['’]", "", _POSSESSIVE.sub("", raw.lower()))


@dataclass(frozen=True)
class Word:
    raw: str
    key: str  # lower case, without a possessive ending
    capital: bool
    possessive: bool
    dotted: bool  # followed directly by "."
    sentence_start: bool


def _words(text: str) -> list[Word]:
    found: list[Word] = []
    last_end = 0
    for match in _WORD.finditer(text):
        raw, gap = match.group(), text[last_end : match.start()]
        previous = found[-1] if found else None
        ends_sentence = previous is None or bool(
            re.search(r"[!?;:\n]|\.\s", gap)
            and not ((previous.dotted and previous.key in ABBREVIATIONS) or len(previous.raw) == 1)
        )
        found.append(Word(raw, _key(raw), raw[0].isupper(),
                          bool(_POSSESSIVE.search(raw)), text[match.end():match.end() + 1] == ".",
                          ends_sentence))  # fmt: skip
        last_end = match.end()
    return found


def _namey(word: Word) -> bool:
    return word.key in given_names() or word.key in surnames()


def _is_pair(first: Word, second: Word) -> bool:
    given, family = given_names(), surnames()
    if first.key not in given or first.key in NOT_PERSON or first.key in CUES:
        return False
    if first.capital and second.capital:
        if second.key in PLACE_WORDS and second.key not in PLACE_SURNAMES:
            return False
        if given.is_clear_name(first.key):
            return True
        return family.is_clear_name(second.key) or (not first.sentence_start and _namey(second))
    return given.is_clear_name(first.key) and second.key in family and not second.capital


def _lone_name(words: list[Word], i: int) -> bool:
    word = words[i]
    if (
        word.key in NOT_PERSON
        or word.key in CUES
        or word.dotted
        or word.possessive
        or _shouting(word)
    ):
        return False
    before = words[i - 1].key if i > 0 else ""
    if before in PLACE_PREPOSITIONS:  # "outreach in Delmar"
        return False
    if word.capital:
        return given_names().is_clear_name(word.key)
    return before in PERSON_CONTEXT and given_names().is_clear_name(word.key)


def _lone_surname(words: list[Word], i: int) -> bool:
    """ "Garcia declined": a very common surname (never an everyday word nor a given name),
    capitalised, followed by a lower-case word; not a shop ("Stewart's") nor a place."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    family = surnames()
    return (
        word.capital
        and not word.possessive
        and not _shouting(word)
        and word.key in family.commonest
        and family.is_clear_name(word.key)
        and word.key not in given_names()
        and word.key not in NOT_PERSON
        and (nxt is None or (not nxt.capital and nxt.key not in PLACE_WORDS))
        and (i == 0 or words[i - 1].key not in PLACE_PREPOSITIONS | {"to", "at"})
    )


def _shouting(word: Word) -> bool:
    """A short word in capitals is an abbreviation (OK, ED, ER), not a name."""
    return word.raw.isupper() and len(word.raw) <= 3


def _followed_name(words: list[Word], j: int) -> int:
    """End of a name that starts at j: one word, or two when the next is capitalised and namey."""
    if j + 1 < len(words) and words[j + 1].capital and _namey(words[j + 1]):
        return j + 2
    return j + 1


def _unlisted_name_after_kin(cue: Word, word: Word) -> bool:
    """ "brother Tre", "bf Devonte": after a kin word, a capitalised word is a name even when the
    1990 lists miss it, unless it starts a sentence or is a program word ("friend Narcan")."""
    return (
        cue.key in KIN
        and not word.sentence_start
        and word.key not in PROGRAM_WORDS
        and word.key not in NOT_PERSON
    )


def _strong_span_at(words: list[Word], i: int) -> tuple[int, int] | None:
    """A name announced by an honorific, a cue word, an initial or a possessive."""
    word, nxt = words[i], words[i + 1] if i + 1 < len(words) else None
    if nxt is None or nxt.key in PLACE_WORDS:
        return None
    if (
        word.key in HONORIFICS
        and (word.capital or word.key in PLAIN_HONORIFICS or _namey(nxt))
        and (nxt.capital or _namey(nxt))
    ):
        return (i + 1, _followed_name(words, i + 1))
    if (
        word.key in CUES
        and not word.possessive
        and nxt.capital
        and not _shouting(nxt)
        and (_namey(nxt) or _unlisted_name_after_kin(word, nxt))
    ):
        return (i + 1, _followed_name(words, i + 1))
    if (
        len(word.raw) == 1
        and (word.dotted or (word.capital and word.raw not in "AI"))
        and ((nxt.capital and nxt.key in surnames()) or surnames().is_clear_name(nxt.key))
    ):
        return (i, i + 2)
    if word.capital and word.possessive and _namey(word) and nxt.key in KIN_OR_HOME:
        return (i, i + 1)
    if word.capital and nxt.key == "family" and word.key in surnames():
        return (i, i + 1)
    if word.key == "the" and nxt.capital and nxt.key.endswith("s") and nxt.key[:-1] in surnames():
        return (i + 1, i + 2)
    return None


def _span_at(words: list[Word], i: int) -> tuple[int, int] | None:
    strong = _strong_span_at(words, i)
    if strong:
        return strong
    if i + 1 < len(words) and _is_pair(words[i], words[i + 1]):
        return (i, i + 2)
    if _lone_name(words, i) or _lone_surname(words, i):
        return (i, i + 1)
    return None


def _placey(words: list[Word], start: int, end: int) -> bool:
    """Part of a place or organisation: "St. Mary's", "Lincoln Park", "Martin Luther King Blvd"."""
    before = words[start - 1].key if start > 0 else ""
    after = {w.key for w in words[end : end + 3] if w.capital or w.dotted}
    return (
        before in PLACE_PREFIXES
        or bool(after & PLACE_WORDS)
        or (end < len(words) and words[end].key in PLACE_WORDS)
    )


def names_in(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The people's names the text seems to hold, leaving out the allowed (personnel) names."""
    allowed_keys = {_key(part) for name in allowed for part in _WORD.findall(name)}
    words = _words(text)
    found: list[str] = []
    i = 0
    while i < len(words):
        if words[i].key in RANKS:
            i = _followed_name(words, i + 1)  # the agency's own people
            continue
        span = _span_at(words, i)
        if (
            span is None
            or _placey(words, *span)
            or all(w.key in allowed_keys for w in words[span[0] : span[1]])
        ):
            i += 1
            continue
        found.append(" ".join(w.raw for w in words[span[0] : span[1]]))
        i = span[1]
    return found
