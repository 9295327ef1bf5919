"""Session types, the roll-call training elements and the Attachment A engagement phrases.

Texts are copied from the NY ORS Team LBN toolkit (best practice #7 and Attachment A); knows no
database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.common.errors import ValidationError


class SessionKind(StrEnum):
    LBN_ROLL_CALL = "lbn_roll_call"
    OD_NALOXONE = "od_naloxone"
    REFRESHER = "refresher"
    OTHER = "other"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def counts_for_lbn(self) -> bool:
        """Roll-call training and refreshers renew the LBN training date."""
        return self in (SessionKind.LBN_ROLL_CALL, SessionKind.REFRESHER)

    @property
    def counts_for_od(self) -> bool:
        """The overdose session always counts; the others only when they covered that element."""
        return self is SessionKind.OD_NALOXONE


KIND_LABELS: dict[SessionKind, str] = {
    SessionKind.LBN_ROLL_CALL: "LBN roll-call training",
    SessionKind.OD_NALOXONE: "Overdose recognition and naloxone administration",
    SessionKind.REFRESHER: "Refresher",
    SessionKind.OTHER: "Other",
}


@dataclass(frozen=True)
class Element:
    code: str
    title: str
    description: str


OD_ELEMENT = "od_naloxone"

# Best practice #7: orientation and training "that addresses, at a minimum, the following elements".
ELEMENTS: tuple[Element, ...] = (
    Element(
        "introduction",
        "Introduction to LBN and Leadership Support",
        "LBN overview, its benefits, agency policy and leadership backing.",
    ),
    Element(
        "myths",
        "Dispel Harm Reduction Myths",
        "Address misperceptions about harm reduction and naloxone use "
        "(e.g., does not encourage drug use).",
    ),
    Element(
        "compassion_fatigue",
        "Compassion Fatigue",
        "Reduce feelings of futility by addressing challenges and frustrations tied to repeated "
        "revivals and limited services; manage expectations with facts on the chronic nature and "
        "physiology and psychology of SUD.",
    ),
    Element(
        "post_reversal",
        "Post-Reversal Experiences",
        "Symptoms experienced after an overdose reversal (e.g., confusion, fear, illness, "
        "embarrassment, denial, cravings and/or agitation).",
    ),
    Element(
        "stigma_empathy",
        "Reducing Stigma Through Empathy",
        "The impact on people with SUD and how personal bias or judgement can be "
        "counterproductive. Exposure to personal stories may help build empathy and "
        "understanding and reduce stigma.",
    ),
    Element(
        "engagement_barriers",
        "Engagement Barriers",
        "Perceptions about enforcement agencies and/or past negative experiences with service "
        "providers (i.e., may refuse transport due to fear of withdrawal symptoms, stigma or "
        "punishment).",
    ),
    Element(
        "communication",
        "Compassionate Communication Tips",
        "Easy-to-use and practical language and approaches for engagement. Further information "
        "and consultation with people from the target demographic should be incorporated as "
        "applicable.",
    ),
    Element(
        OD_ELEMENT,
        "Overdose Recognition and Naloxone Administration",
        "LBN personnel is trained in overdose recognition and naloxone administration.",
    ),
)
ELEMENT_CODES: tuple[str, ...] = tuple(e.code for e in ELEMENTS)
ELEMENT_TITLES: dict[str, str] = {e.code: e.title for e in ELEMENTS}

# Attachment A: Empathy-Driven Engagement - Tips for Public Safety LBN Programs.
USE_INTRO = "USE language that is empathetic, non-coercive and respectful. For example:"
USE_PHRASES: tuple[str, ...] = (
    '"Have you ever heard of naloxone?"',
    '"Do you have a few minutes for me to show you how to use it just in case you ever need it?"',
    '"Would you be open to hearing about naloxone and how to use it?"',
    '"May I show you/leave you one of these kits?"',
    "\"This is for you if you'd like it; it's completely voluntary.\"",
    '"How are you feeling?" or "Are you OK?" (if recently overdosed)',
    '"Everything will be OK. You are safe."',
    '"Things can be tough, and sometimes we all need a little help."',
    '"Your life matters, and we want to make sure you have what you need to stay safe."',
    '"This can help keep you safe. Everyone deserves support when they need it."',
    '"You\'re not alone in this—there are people who care about you and want to help."',
    '"We\'re here to offer a resource if you want it; no judgment, just care and support."',
    '"Having this kit on hand could make all the difference. Your safety is the priority."',
    "\"Naloxone is a lifesaver, like having a fire extinguisher. Hopefully, you won't need it, "
    "but it's important to have it ready just in case you need it.\"",
)
AVOID_INTRO = "AVOID language that is directive, parental, shaming or demeaning, such as:"
AVOID_PHRASES: tuple[str, ...] = (
    '"You should..." "You need to..."',
    '"If you don\'t listen..."',
    '"The problem with addicts is ..."',
    '"I really need you to listen..."',
)

FEEDBACK_SOURCES: dict[str, str] = {
    "personnel": "Personnel",
    "partner": "Partner",
    "recipient": "Recipient (anonymous)",
}
FEEDBACK_CATEGORIES: dict[str, str] = {
    "success": "Success story",
    "challenge": "Challenge",
    "suggestion": "Suggestion",
}


def parse_kind(value: str) -> SessionKind:
    try:
        return SessionKind(value)
    except ValueError:
        raise ValidationError(f"Unknown session type: {value!r}.") from None


def clean_elements(codes: object) -> tuple[str, ...]:
    """Known element codes in the document's order; refuses unknown codes."""
    wanted = set(codes or ())  # type: ignore[call-overload]
    unknown = wanted - set(ELEMENT_CODES)
    if unknown:
        raise ValidationError(f"Unknown training element(s): {', '.join(sorted(unknown))}.")
    return tuple(c for c in ELEMENT_CODES if c in wanted)


def counts_for(kind: SessionKind, elements: tuple[str, ...]) -> tuple[bool, bool]:
    """(renews LBN date, renews overdose/naloxone date) for a session of this kind and content.

    'Other' sessions (partner briefings, drills) count for neither: they are held, not trained.
    """
    lbn = kind.counts_for_lbn
    od = kind.counts_for_od or (lbn and OD_ELEMENT in elements)
    return lbn, od
