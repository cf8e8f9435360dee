"""The caseload benchmark (issue 15): `interim caseload` over 40 clients of a year each at
about 4 files a day (≈ 58,000 files), against `interim check` over the same folders (one
process per folder: check takes one folder), cold and warm. The issue's bar: caseload
within 1.5× check, both ways.

    python benchmarks/bench_caseload.py                      # 40 clients, 3 rounds
    python benchmarks/bench_caseload.py --clients 40 --files 1460 --per-day 4 --repeat 5

Cold: a fresh, empty cache directory (`INTERIM_CACHE_DIR`) for each run, as on a first run
(interim writes its cache as it goes; compiled templates are kept there too). Warm: the
cache of a run just before. Each round times check and caseload once each, alternating
which goes first; the figures are medians of the rounds. The folders are generated once
into `benchmarks/data/caseload-c<N>-n<files>-p<per day>/` (git-ignored) and reused while
the generator's source is unchanged. Every client's report date is the latest last day
among them (`--until`), as on a clinic day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import DATA, HERE, child_env, generator_digest, interim_command

PINNED = re.compile(r"report_date:\s*(\S+)")
# `check`'s own work over every folder in one process, as `interim check` does it for one
# (the load of only the diagnostics and counts, and the lines it prints): the stricter
# comparison, without 40 interpreter start-ups.
ONE_PROCESS = """
import sys
from pathlib import Path
from interim.commands.check import check_lines
from interim.folder import NOTHING, load_checked
for arg in sys.argv[1:]:
    folder = load_checked(Path(arg).resolve(), use_cache=True, wanted=NOTHING)
    print("\\n".join(check_lines(folder, "text")))
"""


def ensure_clients(clients: int, files: int, per_day: float) -> Path:
    """The caseload's parent folder, one sub-folder per client (seeds 1..N)."""
    parent = DATA / f"caseload-c{clients}-n{files}-p{per_day:g}"
    marker = parent.with_name(parent.name + ".ok")
    digest = generator_digest()
    if parent.is_dir() and marker.exists() and marker.read_text().strip() == digest:
        print(f"reusing {parent.relative_to(HERE.parent)}")
        return parent
    shutil.rmtree(parent, ignore_errors=True)
    for seed in range(1, clients + 1):
        out = parent / f"client-{seed:02d}"
        argv = [sys.executable, str(HERE / "generate.py"), str(files), str(out)]
        subprocess.run([*argv, "--seed", str(seed), "--per-day", str(per_day)], check=True)
    marker.write_text(digest + "\n")
    return parent


def last_day(folders: list[Path]) -> dt.date:
    """The latest report date the generator pinned (each folder's last day)."""
    days = []
    for folder in folders:
        found = PINNED.search((folder / "interim.yaml").read_text(encoding="utf-8"))
        if found:
            days.append(dt.date.fromisoformat(found.group(1)))
    return max(days)


def timed(argvs: list[list[str]], env: dict[str, str]) -> float:
    """Wall time of running these processes one after the other (any failure is loud)."""
    start = time.perf_counter()
    for argv in argvs:
        proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr[-500:]!r}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--files", type=int, default=1460, help="files per client")
    parser.add_argument("--per-day", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    parent = ensure_clients(args.clients, args.files, args.per_day)
    folders = sorted(p for p in parent.iterdir() if p.is_dir())
    until = last_day(folders)
    cli, env = interim_command(), child_env()
    out = Path(tempfile.mkdtemp(prefix="interim-caseload-bench-"))
    check = [[*cli, "check", str(f)] for f in folders]
    one = [[sys.executable, "-c", ONE_PROCESS, *map(str, folders)]]
    caseload = [[*cli, "caseload", str(parent), "--until", str(until), "-o", str(out / "c.html")]]
    total = sum(1 for f in folders for _ in f.rglob("*.md"))
    results: dict[str, list[float]] = {k: [] for k in ("check cold", "caseload cold")}
    results |= {"check warm": [], "caseload warm": [], "check-1 cold": [], "check-1 warm": []}
    try:
        for r in range(args.repeat):
            order = [("check", check), ("caseload", caseload), ("check-1", one)]
            for name, argvs in order if r % 2 == 0 else order[::-1]:
                cache = out / f"cache-{name}-{r}"
                run_env = {**env, "INTERIM_CACHE_DIR": str(cache)}
                results[f"{name} cold"].append(timed(argvs, run_env))
                results[f"{name} warm"].append(timed(argvs, run_env))
                shutil.rmtree(cache)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in results.items()}
    lines = [
        f"caseload benchmark: {len(folders)} clients, {total:,} files "
        f"({args.files} per client, ~{args.per_day:g} a day), --until {until}, "
        f"{args.repeat} rounds, medians; {os.cpu_count()} cores",
        f"{'':44}{'cold':>9}{'warm':>9}",
    ]
    labels = {
        "check": f"interim check, {len(check)} processes",
        "check-1": "check's work, 1 process",
        "caseload": "interim caseload",
    }
    for name, label in labels.items():
        lines.append(f"{label:44}{med[name + ' cold']:8.2f}s{med[name + ' warm']:8.2f}s")
    for base in ("check", "check-1"):
        ratio = [med[f"caseload {w}"] / med[f"{base} {w}"] for w in ("cold", "warm")]
        label = f"caseload / {labels[base]}"
        lines.append(f"{label:44}{ratio[0]:8.2f}×{ratio[1]:8.2f}×   (the bar: 1.5×)")
    for k, v in results.items():
        lines.append(f"  rounds, {k}: " + ", ".join(f"{x:.2f}" for x in v))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
