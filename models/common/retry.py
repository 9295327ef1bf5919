"""One retry of a use case the database undid to break a deadlock; knows no tables.

A deadlock means nothing of that attempt was written, so running the use case again is safe;
a second deadlock is reported as what it is (DatabaseDeadlock), not as "busy".
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from models.common.errors import DatabaseDeadlock

P = ParamSpec("P")
R = TypeVar("R")
log = logging.getLogger(__name__)


def retried_once_on_deadlock(use_case: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(use_case)
    def attempt(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return use_case(*args, **kwargs)
        except DatabaseDeadlock:
            log.info("%s was undone to break a deadlock; trying once more", use_case.__name__)
            return use_case(*args, **kwargs)

    return attempt
