"""Uploaded import files on their way in: received within the size limit, kept only between the
check and the confirmation (0600 in a 0700 folder), and removed after use.

The web import keeps a checked file until the administrator confirms it; `upload_remove` runs
after a refused check, after the confirmation and on any error, and `upload_leftovers_remove`
deletes what an abandoned check left behind (at the start of every upload, and from
`binnenwerk opschonen`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import secrets
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from binnenwerk.files import PRIVATE_FILE, PRIVATE_FOLDER
from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.limits import size

STALE_AFTER = dt.timedelta(days=1)
# Form fields and multipart boundaries beside the file: a request may be this much larger.
REQUEST_OVERHEAD = 64 * 1024
_NAME = re.compile(r"[0-9a-f]{32}\.(xlsx|zip|csv)")


class UploadFolderUnsafe(Exception):
    """The upload folder is not this process's own private folder."""


def _folder_path() -> Path:
    return Path(settings.IMPORT_UPLOAD_DIR or Path(tempfile.gettempdir()) / "binnenwerk-uploads")


def upload_folder() -> Path:
    """The private folder of kept uploads: made 0700 when new, and refused when it is a link or
    belongs to another user (in a shared temporary folder, someone may have made it first)."""
    folder = _folder_path()
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True)
    found = os.lstat(folder)
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
        raise UploadFolderUnsafe(str(folder))
    if stat.S_IMODE(found.st_mode) != PRIVATE_FOLDER:
        os.chmod(folder, PRIVATE_FOLDER)
    return folder


def upload_store(upload: Any, suffix: str) -> Path:
    """Write an uploaded file (chunks) to a new private file in the upload folder."""
    folder = upload_folder()
    target = folder / f"{secrets.token_hex(16)}{suffix}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(target, flags, PRIVATE_FILE)
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    except BaseException:
        upload_remove(target)
        raise
    return target


def upload_stored(name: str) -> Path | None:
    """The kept upload of this name (as upload_store made it), if it is still there."""
    if not _NAME.fullmatch(name):
        return None
    path = upload_folder() / name
    return path if path.is_file() else None


def upload_remove(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def upload_leftovers_remove(*, older_than: dt.timedelta = STALE_AFTER) -> int:
    """Delete kept uploads older than `older_than` (a check that was never confirmed); returns
    how many files were removed."""
    if not _folder_path().is_dir():
        return 0
    folder = upload_folder()
    limit = time.time() - older_than.total_seconds()
    removed = 0
    for path in folder.iterdir():
        with contextlib.suppress(FileNotFoundError):
            found = path.lstat()
            if found.st_mtime < limit and not stat.S_ISDIR(found.st_mode):
                path.unlink()
                removed += 1
    return removed


def refusal(problem: Exception) -> dict[str, object]:
    """A refused upload as a page shows it: `fouten`, the first errors with a last line that
    counts the rest (never a page of a million lines), and `aantal_fouten`, how many in all."""
    if isinstance(problem, ImportFailed):
        return {"fouten": problem.listed, "aantal_fouten": problem.total}
    return {"fouten": [str(problem)], "aantal_fouten": 1}


def too_large_message(limit: int) -> str:
    return _("The file is larger than %(max)s; it cannot be imported.") % {"max": size(limit)}


def declared_too_large(request: HttpRequest, limit: int) -> bool:
    """The request announces a body beyond the upload limit: refuse it before reading it."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > limit + REQUEST_OVERHEAD


class BoundedUploadHandler(FileUploadHandler):
    """Passes an uploaded file on to Django's handlers until it grows beyond `limit` bytes,
    then drops it (SkipFile): a larger file is never written to disk. `too_large` tells."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def bound_uploads(request: HttpRequest, limit: int) -> BoundedUploadHandler:
    """Put the bounded handler first; call before request.POST or request.FILES is read."""
    handler = BoundedUploadHandler(request, limit)
    request.upload_handlers.insert(0, handler)
    return handler


class LimitedUploadForm(forms.Form):
    """A form whose file `bestand` has one of `suffixes` and at most `limit` bytes; a subclass
    declares the field and says what to choose instead (`wrong_kind`)."""

    suffixes: ClassVar[tuple[str, ...]]

    def __init__(self, *args: Any, limit: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit = limit

    def wrong_kind(self) -> str:
        raise NotImplementedError

    def clean_bestand(self) -> object:
        upload = self.cleaned_data["bestand"]
        if not upload.name.lower().endswith(self.suffixes):
            raise forms.ValidationError(self.wrong_kind())
        if upload.size > self.limit:
            raise forms.ValidationError(too_large_message(self.limit))
        return upload


UploadPage = Callable[[HttpRequest, Any], HttpResponse]


def bounded_upload_page(
    *,
    allowed: Callable[[HttpRequest], object],
    limit: Callable[[], int],
    form_class: type[LimitedUploadForm],
    template: str,
) -> Callable[[UploadPage], Callable[[HttpRequest], HttpResponse]]:
    """Make `page(request, form)` an upload page that receives its file within `limit()`
    bytes. `allowed` runs first (404 outside the role). A POST that announces a larger body
    gets `template` with a 413 before the body is read; a file that grows beyond the limit
    while it arrives is dropped (BoundedUploadHandler) and the form says so. The page gets the
    bound form (`form_class(data, files, limit=…)`) and goes on only when it is valid.

    The CSRF check runs after the handler is in place (Django's pattern for upload handlers:
    csrf_exempt outside, csrf_protect inside), since it reads the request's body."""

    def decorate(page: UploadPage) -> Callable[[HttpRequest], HttpResponse]:
        @csrf_exempt  # checked in `received`, once the bounded handler is in place
        @functools.wraps(page)
        def view(request: HttpRequest) -> HttpResponse:
            allowed(request)
            most = limit()
            handler = None
            if request.method == "POST":
                if declared_too_large(request, most):
                    context = {
                        "form": form_class(limit=most),
                        "fouten": [too_large_message(most)],
                        "aantal_fouten": 1,
                    }
                    return render(request, template, context, status=413)
                handler = bound_uploads(request, most)

            @csrf_protect
            def received(request: HttpRequest) -> HttpResponse:
                form = form_class(request.POST or None, request.FILES or None, limit=most)
                if handler is not None and handler.too_large:
                    form.is_valid()
                    form.errors["bestand"] = form.error_class([too_large_message(most)])
                return page(request, form)

            return received(request)

        return view

    return decorate
