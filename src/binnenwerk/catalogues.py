"""The Dutch message catalogues: one ``locale/`` per app plus one for the shared modules.

UI text is written with English message ids and translated in committed ``.po`` files.
Compiling needs no GNU gettext (polib does it), so ``make demo`` works on a machine with
only Python; extracting (``make messages``) uses Django's makemessages and needs xgettext.

    python -m binnenwerk.catalogues compile   # .po -> .mo where the .po is newer
    python -m binnenwerk.catalogues extract   # refresh every .po from the sources
    python -m binnenwerk.catalogues check     # fail on untranslated, fuzzy or conflicting entries
"""

from __future__ import annotations

import os

# bandit B404: subprocess runs Django's own makemessages/compilemessages (a fixed argv, no shell).
import subprocess  # nosec B404
import sys
import tempfile
from pathlib import Path

import polib

PACKAGE_DIR = Path(__file__).resolve().parent
LANGUAGE = "nl"


def catalogue_dirs() -> list[Path]:
    """Every directory that owns a ``locale/``: the package itself and its apps."""
    return sorted(p.parent for p in PACKAGE_DIR.glob("**/locale") if p.is_dir())


def po_files() -> list[Path]:
    return sorted(PACKAGE_DIR.glob(f"**/locale/{LANGUAGE}/LC_MESSAGES/*.po"))


def compile_all() -> list[Path]:
    """Write each .mo whose .po is newer; atomic, so parallel test workers never read half."""
    written = []
    for po_path in po_files():
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with tempfile.NamedTemporaryFile(dir=mo_path.parent, delete=False) as tmp:
            polib.pofile(str(po_path)).save_as_mofile(tmp.name)
        os.replace(tmp.name, mo_path)
        written.append(mo_path)
    return written


def problems() -> list[str]:
    """Entries a Dutch user would see in English (untranslated or marked fuzzy), and message
    ids translated differently in two catalogues: Django merges the catalogues of all apps, so
    one of the two would silently replace the other on every page."""
    found = []
    seen: dict[tuple[str, str], tuple[str, Path]] = {}
    for po_path in po_files():
        catalogue = polib.pofile(str(po_path))
        relative = po_path.relative_to(PACKAGE_DIR)
        found += [
            f"{relative}: niet vertaald: {e.msgid!r}" for e in catalogue.untranslated_entries()
        ]
        found += [f"{relative}: fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
        for entry in catalogue.translated_entries():
            if entry.msgid_plural:
                continue
            key = (entry.msgctxt or "", entry.msgid)
            earlier = seen.setdefault(key, (entry.msgstr, relative))
            if earlier[0] != entry.msgstr:
                found.append(
                    f"{relative}: anders vertaald dan in {earlier[1]}: {entry.msgid!r}"
                    f" ({entry.msgstr!r} tegenover {earlier[0]!r})"
                )
    return found


def extract_all() -> None:
    """Run makemessages in every catalogue directory; the package's own catalogue skips
    the apps, which keep their own."""
    apps = [d.name for d in catalogue_dirs() if d != PACKAGE_DIR]
    for directory in catalogue_dirs():
        ignore = (
            [arg for app in apps for arg in ("--ignore", app)] if directory == PACKAGE_DIR else []
        )
        # bandit B603: a fixed argv (the venv's django-admin), no shell and no user input.
        subprocess.run(  # nosec B603
            [
                # The venv's django-admin, not `python -m django`: with the app directory
                # as working directory, its selectors.py would shadow the standard library's.
                str(Path(sys.executable).with_name("django-admin")),
                "makemessages",
                "-l",
                LANGUAGE,
                "--no-obsolete",
                "--no-location",
                "-e",
                "html,py,txt",
                *ignore,
            ],
            cwd=directory,
            check=True,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "binnenwerk.settings",
                "BINNENWERK_CLI": "1",
            },
        )


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "compile"
    if command == "compile":
        compile_all()
        return 0
    if command == "extract":
        extract_all()
        compile_all()
        return 0
    if command == "check":
        found = problems()
        print("\n".join(found) or "Alle teksten zijn vertaald.")
        return 1 if found else 0
    print(f"Onbekende opdracht: {command} (compile, extract of check)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
