"""Who is acting: the name recorded with every operation the services write.

One `Actor` is shared by all services of a session, so the UI never passes a user into a write;
when another person takes the keyboard, the composition root changes `name` in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


def _nobody() -> Iterable[str]:
    return ()


@dataclass
class Actor:
    name: str
    # The agency's personnel, who may be named in notes (wired to the training roster in
    # models/services.py, since the features below training cannot ask it themselves).
    personnel: Callable[[], Iterable[str]] = field(default=_nobody, repr=False)
