"""What every write service does last: validate the model (Dutch messages) and save with audit."""

from __future__ import annotations

from typing import Any, TypeVar

from binnenwerk.audit import acting_as

M = TypeVar("M")


def assign(instance: M, fields: dict[str, Any]) -> M:
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


def save_validated(instance: Any, actor: Any) -> Any:
    """Model validation and database constraints first, then the save that auditlog records."""
    instance.full_clean()
    with acting_as(actor):
        instance.save()
    return instance
