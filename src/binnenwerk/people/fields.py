"""Model fields for the BSN: the attribute is the plain number, the column its ciphertext; a
second column holds the keyed hash that every lookup goes through (binnenwerk.crypto)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldError
from django.db import models
from django.db.models.lookups import Exact, IsNull

from binnenwerk import crypto

NOT_SEARCHABLE = (
    "The BSN column holds ciphertext: look a BSN up by its search value "
    "(people.selectors.medewerker_by_bsn / bsn_zoekwaarde), never by the column itself."
)


class _EmptyOnlyExact(Exact):
    """`bsn=""` (has no BSN) still works; comparing ciphertext with a number never would."""

    def __init__(self, lhs: Any, rhs: Any) -> None:
        if rhs not in ("", None):
            raise FieldError(NOT_SEARCHABLE)
        super().__init__(lhs, rhs)


class EncryptedBSNField(models.TextField):
    """Reads and writes the plain BSN in Python; the database holds its Fernet ciphertext.
    Every value also the bulk writer (binnenwerk.bulk) stores goes through get_db_prep_value."""

    encrypted = True

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return value if value is None else crypto.decrypt(value)

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)
        return value if value is None else crypto.encrypt(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "exact":
            return _EmptyOnlyExact
        if lookup_name == "isnull":
            return IsNull
        raise FieldError(NOT_SEARCHABLE)


class BSNSearchField(models.CharField):
    """The keyed hash (HMAC-SHA256, hex) of the plain value in `source`, set on every save."""

    def __init__(self, *args: Any, source: str = "bsn", **kwargs: Any) -> None:
        self.source = source
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.source != "bsn":
            kwargs["source"] = self.source
        for key, value in (("max_length", 64), ("blank", True), ("editable", False)):
            if kwargs.get(key) == value:
                del kwargs[key]
        if kwargs.get("default") == "":
            del kwargs["default"]
        return name, path, args, kwargs

    def pre_save(self, model_instance: Any, add: bool) -> Any:
        value = crypto.search_value(getattr(model_instance, self.source) or "")
        setattr(model_instance, self.attname, value)
        return value

    def value_from_row(self, row: dict[str, Any]) -> str:
        """The bulk writer's way in: rows are dicts, not instances."""
        return crypto.search_value(row.get(self.source) or "")
