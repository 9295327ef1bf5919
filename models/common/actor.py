"""Who is acting: the name recorded with every operation the services write.

One `Actor` is shared by all services of a session, so the UI never passes a user into a write;
when another person takes the keyboard, the composition root changes `name` in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Actor:
    name: str
