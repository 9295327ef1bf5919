"""`make bench`: median timings at each scale, each beside a floor measured in the same run.

The floor is the closest thing to doing the same work with nothing of ours in the way (a bare
PySide6 window, hand-written SQL through sqlite3, openpyxl write-only, plain reportlab).
Usage: python -m benchmarks.run [--scales small medium large] [--repeat 5] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import cases
from benchmarks.generate import SCALES, generate

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    name: str
    scale: str
    ours: float  # milliseconds (or MB for memory)
    floor: float | None
    target: str
    unit: str = "ms"

    def cells(self) -> list[str]:
        floor = "—" if self.floor is None else f"{self.floor:,.0f}"
        ratio = "—" if not self.floor else f"{self.ours / self.floor:.1f}×"
        return [self.name, self.scale, f"{self.ours:,.0f} {self.unit}", floor, ratio, self.target]


def median_ms(work: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def run_scale(scale: str, folder: Path, repeat: int, only: str = "") -> list[Result]:
    db = folder / f"{scale}.sqlite3"
    if not db.exists():
        counts = generate(db, scale)
        print(f"  generated {scale}: {counts}", flush=True)
    results: list[Result] = []
    for case in cases.CASES:
        if scale not in case.scales or only not in case.name:
            continue
        ours, floor = case.measure(db, repeat, median_ms)
        results.append(Result(case.name, scale, ours, floor, case.target, case.unit))
        print("  " + " | ".join(results[-1].cells()), flush=True)
    return results


def table(results: list[Result]) -> str:
    header = ["case", "scale", "ours (median)", "floor", "ours/floor", "target"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in results]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", nargs="+", default=["small", "medium", "large"], choices=SCALES)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None, help="keep generated databases here")
    parser.add_argument("--only", default="", help="run only cases whose name contains this")
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="lbn-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}", flush=True)
    results: list[Result] = []
    for scale in args.scales:
        print(f"Scale {scale}:", flush=True)
        results += run_scale(scale, folder, args.repeat, args.only)
    print()
    print(table(results))
    (folder / "results.md").write_text(f"Machine: {machine()}\n\n{table(results)}\n")
    print(f"\nResults also in {folder / 'results.md'}")


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


if __name__ == "__main__":
    main()
