"""Django admin that writes through the services, so it validates like every other path.

The form runs the service inside a savepoint that is always rolled back: the
service's Dutch messages appear next to the fields, and nothing is half-written.
On save the service runs for real.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction


class _TryOnly(Exception):
    """Raised to roll back the trial run of a service."""


class ServiceAdmin(admin.ModelAdmin):
    create_service: ClassVar[Any]
    update_service: ClassVar[Any]
    instance_kwarg: ClassVar[str]

    def _run_service(self, request: Any, form: Any, change: bool) -> Any:
        if change:
            fields = {name: form.cleaned_data[name] for name in form.changed_data}
            return self.update_service(
                actor=request.user, **{self.instance_kwarg: form.instance}, **fields
            )
        return self.create_service(actor=request.user, **form.cleaned_data)

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        base = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ServiceForm(base):  # type: ignore[misc, valid-type]
            def _post_clean(self) -> None:
                super()._post_clean()
                if self.errors:
                    return
                try:
                    with transaction.atomic():
                        model_admin._run_service(request, self, change=obj is not None)
                        raise _TryOnly
                except _TryOnly:
                    pass
                except ValidationError as error:
                    self._update_errors(error)

        return ServiceForm

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        saved = self._run_service(request, form, change)
        obj.pk = saved.pk

    # Who may use the admin is the site's question (a role, not Django's permission flags).
    def has_module_permission(self, request: Any) -> bool:
        return bool(self.admin_site.has_permission(request))

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return bool(self.admin_site.has_permission(request))

    def has_add_permission(self, request: Any) -> bool:
        return bool(self.admin_site.has_permission(request))

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return bool(self.admin_site.has_permission(request))

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        # History is never thrown away: a record ends (einde), it is not deleted.
        return False
