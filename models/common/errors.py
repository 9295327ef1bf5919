"""Typed domain refusals with messages a quartermaster understands."""


class DomainError(Exception):
    """A refused operation: nothing was written; the message says why."""


class ValidationError(DomainError):
    """Input that cannot be accepted as it is (bad number, date, code...)."""


class NotFound(DomainError):
    """A referenced record does not exist."""


class InsufficientStock(DomainError):
    """A movement would take more than a location holds."""


class LotExpired(DomainError):
    """Expired stock where only usable stock is allowed."""


class LotConflict(DomainError):
    """The same lot number of a product arrived with a different expiry."""


class InactiveLocation(DomainError):
    """An inactive location may not receive or send stock."""


class AlreadyReversed(DomainError):
    """An operation may be reversed only once."""


class DatabaseBusy(DomainError):
    """Another station held the database too long."""


class NotPermitted(DomainError):
    """The person signed in at this station may not do this; the message says who may."""


class StaleEdit(DomainError):
    """Someone else changed the same setting since this screen loaded it; nothing was saved."""


class WrongPin(DomainError):
    """The PIN given does not match the person's PIN."""


class KeptOffline(DomainError):
    """Not refused: kept on this station PC while the server is out of reach; sent later."""


class DatabaseDeadlock(DatabaseBusy):
    """Two stations waited for each other and the database undid one side (worth one retry)."""


class Cancelled(DomainError):
    """The person stopped a long operation before it finished; nothing of it was written."""
