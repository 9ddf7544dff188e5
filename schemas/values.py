"""The allowed values of the warehouse's coded columns, each named once. They are `StrEnum`s, so a
member is the string the warehouse stores ("killed" == CasualtyKind.KILLED), and the schemas check a
column against exactly the members listed here."""

from __future__ import annotations

from enum import StrEnum


class FileStatus(StrEnum):
    """What became of an input file (source_files.status)."""

    PENDING = "pending"  # read, its records not yet settled
    LOADED = "loaded"
    PARTIAL = "partial"  # loaded, with some of its records quarantined
    DUPLICATE = "duplicate"  # the same text as a document already loaded
    QUARANTINED = "quarantined"
    UNCHANGED = "unchanged"  # the same content as its live version: not read again
    DELETED = "deleted"  # gone from the folder since an earlier run loaded it (no content columns)


LOADED_STATUSES = (FileStatus.LOADED, FileStatus.PARTIAL)


class Stage(StrEnum):
    """The stage that quarantined an input (quarantine.stage)."""

    DISCOVER = "discover"
    READ = "read"
    DECODE = "decode"
    PARSE = "parse"
    VALIDATE = "validate"
    EXTRACT = "extract"


class CasualtyKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    DISPLACED = "displaced"


class Precision(StrEnum):
    """How exact a casualty figure is as the text states it."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    APPROXIMATELY = "approximately"
    AT_MOST = "at_most"
    VAGUE = "vague"


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"


class DatePrecision(StrEnum):
    """How precisely an event's date is known (events.event_date_precision)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    UNKNOWN = "unknown"


class DateBasis(StrEnum):
    """Where a document's publication date comes from (documents.published_date_basis)."""

    STATED = "stated"
    METADATA = "metadata"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class RecordFormat(StrEnum):
    """The format a record was read as: a file format, or the agency format found inside an XML, JSON or
    text file (documents.source_format)."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"
    NITF = "nitf"
    NEWSML = "newsml"
    NEWSML_G2 = "newsml-g2"
    NINJS = "ninjs"
    IPTC7901 = "iptc7901"


class ReviewStatus(StrEnum):
    """Whether a person has reviewed a fact (casualties, quotes and events: review_status)."""

    MACHINE = "machine"  # as extracted: nobody has decided on it
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"  # a person set at least one of its fields
    REJECTED = "rejected"  # not a fact: it counts for no incident and no statement


class CorrectionTarget(StrEnum):
    """The kinds of fact a person can correct (corrections.target)."""

    CASUALTY = "casualty"
    QUOTE = "quote"
    ENTITY = "entity"  # a person or organisation: its name, whether it is another (a merge), or two (a split)
    EVENT = "event"  # a report of an attack: which incident it belongs to, or whether it reports one at all


class CorrectionAction(StrEnum):
    """What a correction does (corrections.action)."""

    CONFIRM = "confirm"
    REJECT = "reject"
    SET = "set"  # one field to a value
    WITHDRAW = "withdraw"  # takes back an earlier correction (corrections.withdraws)


def values(enum: type[StrEnum]) -> list[str]:
    """The plain strings of an enum's members, in their order (for checks and messages)."""
    return [member.value for member in enum]


class Reason(StrEnum):
    """Why an input was quarantined (quarantine.reason); docs/data-dictionary.md says what each means."""

    # discover
    UNSUPPORTED_TYPE = "unsupported_type"
    SYMLINK_OUTSIDE = "symlink_outside"
    SYMLINK_INSIDE = "symlink_inside"
    SYMLINK_LOOP = "symlink_loop"
    # read
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    # decode
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    # parse
    UNPARSEABLE = "unparseable"
    NO_RECORDS = "no_records"
    MALFORMED_JSON = "malformed_json"
    TOO_DEEP = "too_deep"
    NOT_A_RECORD = "not_a_record"
    MISSING_TEXT = "missing_text"
    MALFORMED_XML = "malformed_xml"
    MALFORMED_HTML = "malformed_html"
    NO_ARTICLE_TEXT = "no_article_text"
    # validate and extract: the name of the check a row failed ('schema' for a check without one)
    LANGUAGE = "language"
    TOO_SHORT = "too_short"
    EMPTY_TEXT = "empty_text"
    IMPLAUSIBLE_DATE = "implausible_date"
    BAD_SPAN = "bad_span"
    BAD_COUNT = "bad_count"
    SCHEMA = "schema"
    EXTRACT_ERROR = "extract_error"
