"""Execution options a use case may give a statement so it costs no network round trip alone.

`NO_WAIT`: nothing is read back (no rows, no row count), so over a network the statement may
travel with the next one; a failure then surfaces at that next statement, and the transaction
is undone all the same. The database layer decides what it can do with it (lbn_desktop); SQLite
simply runs the statement.
"""

NO_WAIT = "lbn_no_wait"
