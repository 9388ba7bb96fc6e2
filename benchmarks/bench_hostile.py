"""Time and peak memory of the bounded reader per hostile file (issue 18).

    .venv/bin/python benchmarks/bench_hostile.py [NAME ...]

Each file of tests/imports/hostile.py, and a few that make the reader scan up to a limit (a
million rows without numbers, a million CSV rows, ten million references to one shared text,
ten million inline texts; the ratio check switched off where it would refuse them first), is
read by `read_path` at the default limits in its own process, held to 1 GiB of address space
and 30 s of CPU as the tests hold the worst ones. Printed: the outcome (the first line of the
refusal), wall and CPU seconds, peak memory.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.imports import hostile as files  # noqa: E402  (benchmarks/ is not a package)

# name → (file name, maker, extra environment)
NO_RATIO = {"IMPORT_MAX_ZIP_RATIO": str(10**9)}
SCANS: dict[str, tuple[str, Callable[[], bytes], dict[str, str]]] = {
    "rijen-zonder-nummer (1.000.001)": ("rijen.xlsx", files.rows_without_numbers, NO_RATIO),
    "csv-rijen (1.000.001)": ("rijen.zip", files.too_many_rows_csv, {}),
    "tekstbom zonder ratiocontrole": ("tekstbom.xlsx", files.shared_strings_bomb, NO_RATIO),
    "inline-cellen zonder ratiocontrole": ("inline.xlsx", files.inline_cells, NO_RATIO),
}


def run_one(path: str) -> None:
    """In the child: read the file, print the outcome, seconds and peak memory as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    os.environ.setdefault("BINNENWERK_CLI", "1")
    import django

    django.setup()
    from binnenwerk.imports.dataset import ImportFailed
    from binnenwerk.imports.readers import ReadError, read_path

    started, cpu = time.perf_counter(), time.process_time()
    try:
        read_path(path)
        outcome = "gelezen"
    except ImportFailed as failure:
        outcome = failure.listed[0]
    except ReadError as error:
        outcome = f"ReadError: {error}"
    print(
        json.dumps(
            {
                "outcome": outcome,
                "seconds": time.perf_counter() - started,
                "cpu": time.process_time() - cpu,
                "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))


def measure(folder: Path, name: str, filename: str, content: bytes, env: dict[str, str]) -> str:
    path = folder / filename
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, __file__, "run", str(path)],
        env={**os.environ, **env},
        preexec_fn=bounded,
        capture_output=True,
        text=True,
        check=False,
    )
    path.unlink()
    if done.returncode != 0:
        return f"| {name} | {len(content) / 1e6:.1f} MB | killed ({done.returncode}) | | | |"
    result = json.loads(done.stdout.splitlines()[-1])
    return (
        f"| {name} | {len(content) / 1e6:.1f} MB | {result['outcome'][:90]} "
        f"| {result['seconds']:.2f} s | {result['cpu']:.2f} s | {result['peak_mib']:.0f} MiB |"
    )


def main(names: list[str]) -> None:
    print("| file | size | outcome | wall | CPU | peak |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, (filename, make, _, _) in files.HOSTILE.items():
            if not names or name in names:
                print(measure(folder, name, filename, make(), {}), flush=True)
        for name, (filename, make, env) in SCANS.items():
            if not names or name in names:
                print(measure(folder, name, filename, make(), env), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["run"]:
        run_one(sys.argv[2])
    else:
        main(sys.argv[1:])
