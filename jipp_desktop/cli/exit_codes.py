"""Exit statuses of the command line (documented in docs/cli.md)."""

OK = 0
FAILURE = 1
USAGE = 2
INVALID_DATA = 3
FOLDER_IN_USE = 4
UNTRUSTED_SENDER = 5
DAMAGED_FILE = 6
BAD_PASSPHRASE = 7
STORAGE = 8
# A save from an older version would overwrite somebody else's change (core/staleness.py).
STALE = 9
# The PostgreSQL server cannot be reached or refused the login.
DATABASE_UNREACHABLE = 10
# The command does not apply to a PostgreSQL database (backups: pg_dump, pg_restore).
NOT_ON_POSTGRESQL = 11
# 128 + SIGPIPE, what a shell reports for a Unix tool whose reader closed the pipe.
PIPE_CLOSED = 141
