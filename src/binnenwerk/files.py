"""Files that hold personal data: written whole or not at all, readable by their owner only.

`private_file` (and `write_private` for content in hand) writes to a temporary file beside the
target (mkstemp: mode 0600 from the start, so there is no moment at which another user can open
it), flushes it to disk and renames it over the target. A reader never sees half a file, and a
failure leaves no trace.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


@contextlib.contextmanager
def private_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write that appears at `path`, with permissions 0600, only when the
    block ends without an error (then flushed to disk); otherwise nothing is left."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, PRIVATE_FILE)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_private(path: str | Path, content: bytes | str) -> Path:
    """Write `content` (text as UTF-8) to `path` with permissions 0600, atomically."""
    with private_file(path) as out:
        out.write(content.encode() if isinstance(content, str) else content)
    return Path(path)


def private_folder(path: str | Path) -> Path:
    """The folder at `path`, made (with its parents) readable by its owner only when it is new."""
    folder = Path(path)
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True)
    return folder
