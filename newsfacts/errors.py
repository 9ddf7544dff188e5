"""Errors meant for a person: each message says what went wrong, where, and what to do."""


class NewsfactsError(Exception):
    """A problem the user can fix (a missing folder, an unwritable warehouse, a busy warehouse)."""
