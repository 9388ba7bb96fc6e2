"""`python -m tests.imports.import_each PATH...`: the import command (`binnenwerk import`) on
each file in turn, in this one process; a JSON line per file with its exit code and output.
Run by test_hostile under a memory and CPU limit: it must end by itself, not be killed."""

from __future__ import annotations

import io
import json
import os
import sys


def main(paths: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    os.environ.setdefault("BINNENWERK_CLI", "1")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    for path in paths:
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("importeren", path, dry_run=True, stdout=out, stderr=err)
            code, message = 0, ""
        except CommandError as error:
            code, message = error.returncode, str(error)
        print(
            json.dumps({"path": path, "exit": code, "message": message, "errors": err.getvalue()})
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
