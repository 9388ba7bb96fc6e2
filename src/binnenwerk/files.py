"""Files that hold personal data: written whole or not at all, readable by their owner only.

`write_private` writes to a temporary file beside the target (mkstemp: mode 0600 from the
start, so there is no moment at which another user can open it), flushes it to disk and
renames it over the target. A reader never sees half a file, and a failure leaves no trace.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def write_private(path: str | Path, content: bytes | str) -> Path:
    """Write `content` (text as UTF-8) to `path` with permissions 0600, atomically."""
    target = Path(path)
    data = content.encode() if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, PRIVATE_FILE)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


def private_folder(path: str | Path) -> Path:
    """The folder at `path`, made (with its parents) readable by its owner only when it is new."""
    folder = Path(path)
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True)
    return folder
