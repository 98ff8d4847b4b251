"""Peewee fields that carry what validation, forms and schemas need to know.

Every user-facing field declares its label in Indonesian and English once,
here on the model, so the form, the JSON Schema, the report and the error
message all use the same words.  The database schema itself lives in the SQL
migrations under db/; these classes only describe values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee

Label = tuple[str, str]
# A peewee Field that also carries Described's label and flags; peewee's stubs
# cannot express the mix-in, so code that reads labels takes this alias.
UserField = Any

LONG_TEXT_LIMIT = 20_000
SHORT_TEXT_LIMIT = 300


class Described:
    """Mixin: an Indonesian/English label and whether the value is required."""

    label: Label
    required: bool

    def _describe(self, label: Label, required: bool) -> None:
        self.label = label
        self.required = required


class ShortText(peewee.CharField, Described):
    def __init__(
        self, label: Label, *, required: bool = False, max_length: int = SHORT_TEXT_LIMIT, **kw: Any
    ) -> None:
        super().__init__(max_length=max_length, null=not required, **kw)
        self._describe(label, required)


class LongText(peewee.TextField, Described):
    max_length = LONG_TEXT_LIMIT

    def __init__(self, label: Label, *, required: bool = False, **kw: Any) -> None:
        super().__init__(null=not required, **kw)
        self._describe(label, required)


class EnumText(peewee.CharField, Described):
    """A value from a vocabulary in core/vocab.py; ``default`` fills it when left out."""

    def __init__(
        self,
        label: Label,
        vocab: str,
        *,
        required: bool = True,
        default: str | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(max_length=40, null=not required, default=default, **kw)
        self.vocab = vocab
        self._describe(label, required)


class CategoryText(ShortText):
    """A KIPP category (core/categories.py): a code valid for the record's year, or
    "Lainnya: <text>". 200 characters leave room for a 160-character free text before
    this field existed, kept behind the "Lainnya: " its migration put in front."""

    def __init__(self, label: Label, **kw: Any) -> None:
        super().__init__(label, max_length=200, **kw)


class DateText(peewee.CharField, Described):
    """An ISO date (YYYY-MM-DD) kept as text, the form SQLite sorts correctly."""

    def __init__(self, label: Label, *, required: bool = False, **kw: Any) -> None:
        super().__init__(max_length=10, null=not required, **kw)
        self._describe(label, required)


class Number(peewee.IntegerField, Described):
    def __init__(
        self,
        label: Label,
        *,
        required: bool = False,
        minimum: int = 0,
        maximum: int = 10**15,
        **kw: Any,
    ) -> None:
        super().__init__(null=not required, **kw)
        self.minimum = minimum
        self.maximum = maximum
        self._describe(label, required)

    def upper_bound(self) -> int:
        """The largest value a person may enter (``maximum`` is what storage accepts)."""
        return self.maximum


class Year(Number):
    """A calendar year from 1945 up to ``ahead`` years after the current one.

    ``maximum`` (2100) stays the storage bound the JSON Schemas publish; what a form, an
    import or a package may set is capped by today's year, so a mistyped 2099 is caught.
    """

    def __init__(self, label: Label, *, required: bool = False, ahead: int = 1, **kw: Any) -> None:
        super().__init__(label, required=required, minimum=1945, maximum=2100, **kw)
        self.ahead = ahead

    def upper_bound(self) -> int:
        return min(self.maximum, dt.date.today().year + self.ahead)


class Flag(peewee.BooleanField, Described):
    def __init__(self, label: Label, **kw: Any) -> None:
        super().__init__(default=False, **kw)
        self._describe(label, False)


class RefId(peewee.CharField, Described):
    """The UUID of another record; ``ref`` names its record type."""

    def __init__(self, label: Label, ref: str, *, required: bool = False, **kw: Any) -> None:
        super().__init__(max_length=36, null=not required, **kw)
        self.ref = ref
        self._describe(label, required)


class RegionCode(peewee.CharField, Described):
    """A Kemendagri region code: ``level`` is 'province' (PP) or 'regency' (PP.RR)."""

    def __init__(self, label: Label, level: str, *, required: bool = False, **kw: Any) -> None:
        super().__init__(max_length=5, null=not required, **kw)
        self.level = level
        self._describe(label, required)
