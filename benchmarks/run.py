"""Time interim against the naive baseline and the floor, in one interleaved run.

    python benchmarks/run.py [--sizes 1000,10000] [--repeat 5] [--seed 1] [--keep]

Generates the synthetic folders (or reuses them from benchmarks/data/, keyed by size, seed and
the generator's source), runs every command once as a warm-up, then times whole processes
round-robin so they share the machine's noise. Prints a table and writes
benchmarks/results-latest.md. See benchmarks/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
GENERATOR = ["generate.py", "builders.py", "textbank.py", "yamlout.py"]
RESULTS = HERE / "results-latest.md"
SUMMARY = re.compile(r"\d+ errors?, \d+ warnings?")
COMMAND = re.compile(r"^  report\b", re.MULTILINE)  # `report` in --help's command list


@dataclass
class Bench:
    name: str
    size: int | None
    argv: list[str]
    times: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    output: str = ""  # of the warm-up run
    warm_code: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def label(self) -> str:
        return self.name if self.size is None else f"{self.name} ({self.size:,})"


# -- the CLI and the folders -------------------------------------------------------------


def interim_command() -> list[str]:
    """The `interim` script next to this Python, else `python -m interim` from the tree."""
    script = Path(sys.executable).with_name("interim")
    return [str(script)] if script.exists() else [sys.executable, "-m", "interim"]


def child_env() -> dict[str, str]:
    """Users run with bytecode caches: drop PYTHONDONTWRITEBYTECODE; find the tree's interim."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def capture(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def generator_digest() -> str:
    digest = hashlib.sha256()
    for name in GENERATOR:
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def ensure_folder(size: int, seed: int, made: list[Path]) -> Path:
    """The cached folder for (size, seed), generated when missing or stale."""
    folder = DATA / f"n{size}-s{seed}"
    marker = folder.with_name(folder.name + ".ok")
    digest = generator_digest()
    if folder.is_dir() and marker.exists() and marker.read_text().strip() == digest:
        print(f"reusing {folder.relative_to(ROOT)}")
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    marker.unlink(missing_ok=True)
    argv = [sys.executable, str(HERE / "generate.py"), str(size), str(folder), "--seed", str(seed)]
    subprocess.run(argv, check=True)
    marker.write_text(digest + "\n")
    made.append(folder)
    return folder


# -- the benchmarks ----------------------------------------------------------------------


def variants(cli: list[str], command: str, args: list[str], env: dict[str, str]) -> list[Bench]:
    """`check` or `report`: cold (`--no-cache`) and warm when the CLI has a cache, else one."""
    argv = [*cli, command, *args]
    if "--no-cache" not in capture([*cli, command, "--help"], env)[1]:
        return [Bench(command, None, argv)]
    return [
        Bench(f"{command} (cold)", None, [*argv, "--no-cache"]),
        Bench(f"{command} (warm)", None, argv),
    ]


SIX_WEEKS = "42d"  # the "6-week report": `--since 42d`
ALL_DATES = "1900-01-01"  # a report over every date a folder could hold
DATED = re.compile(r"(\d{4}-\d{2}-\d{2})")


def schemas(cli: list[str], outdir: Path, env: dict[str, str]) -> Path:
    """`interim schema TYPE --out DIR` for every type, for the careful baseline."""
    out = outdir / "schemas"
    listing = capture([*cli, "types"], env)[1]
    for line in listing.splitlines():
        name = line.split(" ", 1)[0]
        if re.fullmatch(r"[a-z][a-z-]*", name):
            capture([*cli, "schema", name, "--out", str(out)], env)
    return out


def first_and_extra(folder: Path) -> tuple[str, int]:
    """The first record's date (from file names), and how many more records the report
    over all dates has than the 6-week one (records dated before the 6 weeks)."""
    text = (folder / "interim.yaml").read_text(encoding="utf-8")
    pinned = re.search(r"report_date:\s*(\S+)", text)
    end = dt.date.fromisoformat(pinned.group(1)) if pinned else dt.date.today()
    cutoff = (end - dt.timedelta(days=41)).isoformat()
    days = [m.group(1) for p in folder.rglob("*.md") if (m := DATED.search(p.name))]
    return min(days), sum(d < cutoff for d in days)


def empty_folder(outdir: Path) -> Path:
    """A folder with settings and no record: a report over a century of it costs a week's."""
    folder = outdir / "empty"
    folder.mkdir()
    (folder / "interim.yaml").write_text("report_date: 2026-11-17\n", encoding="utf-8")
    return folder


def plan(
    sizes: list[int], seed: int, outdir: Path, env: dict[str, str], made: list[Path]
) -> tuple[list[Bench], dict[int, int]]:
    """Every command to time, and for each size how many records the report over all dates
    holds beyond the 6-week one; folders generated on the way are appended to `made`."""
    cli = interim_command()
    py = sys.executable
    shapes = schemas(cli, outdir, env)
    benches = [Bench("python -c pass", None, [py, "-c", "pass"])]
    benches.append(Bench("interim --help", None, [*cli, "--help"]))
    empty = str(empty_folder(outdir))
    out = str(outdir / "report-empty.html")
    benches.append(
        Bench(
            "empty, 100 years (warm)",
            None,
            [*cli, "report", empty, "-o", out, "--since", "1926-11-17"],
        )
    )
    benches.append(
        Bench("empty, 1 week (warm)", None, [*cli, "report", empty, "-o", out, "--since", "7d"])
    )
    extra: dict[int, int] = {}
    for size in sizes:
        path = ensure_folder(size, seed, made)
        folder = str(path)
        first, extra[size] = first_and_extra(path)
        group = variants(cli, "check", [folder], env)
        group.append(Bench("baseline", None, [py, str(HERE / "baseline.py"), folder]))
        group.append(Bench("careful", None, [py, str(HERE / "careful.py"), folder, str(shapes)]))
        group.append(Bench("floor", None, [py, str(HERE / "floor.py"), folder]))
        out = str(outdir / f"report-{size}.html")
        group += variants(cli, "report", [folder, "-o", out, "--since", SIX_WEEKS], env)
        for name, since in (
            ("report all dates (warm)", ALL_DATES),
            ("report from first (warm)", first),
        ):
            group.append(Bench(name, None, [*cli, "report", folder, "-o", out, "--since", since]))
        for bench in group:
            bench.size = size
        benches += group
    return benches, extra


def time_once(bench: Bench, env: dict[str, str]) -> None:
    """Run the whole process once; record wall time, its own peak RSS and exit code."""
    quiet = subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(bench.argv, cwd=ROOT, env=env, stdout=quiet, stderr=quiet)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        bench.rss_kb.append(usage.ru_maxrss)  # kilobytes on Linux
    else:
        proc.wait()
        elapsed = time.perf_counter() - start
    bench.times.append(elapsed)
    bench.codes.append(proc.returncode)


def warm_up(benches: list[Bench], env: dict[str, str]) -> None:
    """Run each once (bytecode caches, the page cache, interim's own cache) and keep output."""
    for bench in benches:
        bench.warm_code, bench.output = capture(bench.argv, env)
        print(f"warm-up  {bench.label:<24} exit {bench.warm_code}")


def measure(benches: list[Bench], repeat: int, env: dict[str, str]) -> None:
    for r in range(repeat):
        shift = r % len(benches)  # rotate the order so no command always runs first
        for bench in benches[shift:] + benches[:shift]:
            time_once(bench, env)
        print(f"round {r + 1}/{repeat} done")


# -- the results -------------------------------------------------------------------------


def find(benches: list[Bench], prefix: str, size: int | None) -> Bench | None:
    return next((b for b in benches if b.name.startswith(prefix) and b.size == size), None)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def table(benches: list[Bench]) -> list[str]:
    lines = [
        "| benchmark | median | min | max | peak RSS | exit codes |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for b in benches:
        rss = f"{max(b.rss_kb) / 1024:,.0f} MB" if b.rss_kb else "n/a"
        codes = ",".join(sorted({str(c) for c in b.codes}))
        cells = [b.label, ms(b.median), ms(min(b.times)), ms(max(b.times)), rss, codes]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def ratio(a: Bench | None, b: Bench | None) -> float | None:
    return a.median / b.median if a and b else None


def pairs(benches: list[Bench], size: int) -> list[tuple[str, Bench | None, Bench | None]]:
    """(state, check, report) for each cache state measured: cold and warm, or just one."""
    out: list[tuple[str, Bench | None, Bench | None]] = []
    for state in ("cold", "warm", ""):
        suffix = f" ({state})" if state else ""
        check = find(benches, "check" + suffix, size)
        if check and check.name == "check" + suffix:
            out.append((state, check, find(benches, "report" + suffix, size)))
    return out


def ratios(benches: list[Bench], sizes: list[int]) -> list[str]:
    lines = []
    py, helped = find(benches, "python -c", None), find(benches, "interim --help", None)
    if py and helped:
        lines.append(f"- `--help` − `python -c pass` = {ms(helped.median - py.median)}")
    for size in sizes:
        base, floor = find(benches, "baseline", size), find(benches, "floor", size)
        parts = []
        for state, check, report in pairs(benches, size):
            name = f"check ({state})" if state else "check"
            parts.append(f"{name} / baseline = {ratio(check, base):.2f}×")
            parts.append(f"{name} / floor = {ratio(check, floor):.1f}×")
            if report:
                parts.append(
                    f"{name.replace('check', 'report')} / {name} = {ratio(report, check):.2f}×"
                )
        lines.append(f"- {size:,} files: " + ", ".join(parts))
    return lines


def target_size(sizes: list[int]) -> int:
    return 10_000 if 10_000 in sizes else max(sizes)


Target = tuple[str, float | None, float, str, str]  # what, value, limit, unit, "<=" or ">="


def targets(benches: list[Bench], sizes: list[int], extra: dict[int, int]) -> list[str]:
    """The speed issue's targets, each PASS or FAIL: absolute times at 10,000 files, every
    ratio and per-record figure at every size from 10,000 up, the two "a long period costs
    what it holds" ratios at every size."""
    rows: list[Target] = []
    py, helped = find(benches, "python -c", None), find(benches, "interim --help", None)
    if py and helped:
        rows.append(
            ("`--help` − `python -c pass`", (helped.median - py.median) * 1000, 40, " ms", "<=")
        )
    century, week = find(benches, "empty, 100", None), find(benches, "empty, 1 week", None)
    rows.append(
        ("empty folder: report over 100 years / over 1 week", ratio(century, week), 1.2, "×", "<=")
    )
    for size in sizes:
        rows += _size_targets(benches, size, extra.get(size, 0))
    rows += _memory(benches, sizes)
    lines = []
    for what, value, limit, unit, way in rows:
        sign = "≤" if way == "<=" else "≥"
        if value is None:
            lines.append(f"- {what}: not measured ({sign} {limit:g}{unit})")
            continue
        good = value <= limit if way == "<=" else value >= limit
        lines.append(
            f"- {'PASS' if good else 'FAIL'} {what} = {value:.2f}{unit} (target {sign} {limit:g}{unit})"
        )
    return lines


def _size_targets(benches: list[Bench], size: int, extra: int) -> list[Target]:
    n = f"{size:,}"
    cold, warm = find(benches, "check (cold)", size), find(benches, "check (warm)", size)
    floor, careful = find(benches, "floor", size), find(benches, "careful", size)
    rcold, rwarm = find(benches, "report (cold)", size), find(benches, "report (warm)", size)
    every, first = find(benches, "report all", size), find(benches, "report from first", size)
    rows: list[Target] = [
        (
            f"{n}: report --since {ALL_DATES} / --since the first record",
            ratio(every, first),
            1.2,
            "×",
            "<=",
        ),
    ]
    if size < 10_000:
        return rows
    per = (every.median - rwarm.median) / extra * 1e6 if every and rwarm and extra else None
    rows += [
        (f"{n}: cold check / floor", ratio(cold, floor), 3.5, "×", "<="),
        (f"{n}: warm check / floor", ratio(warm, floor), 2.0, "×", "<="),
        (f"{n}: careful naive / cold check", ratio(careful, cold), 5.0, "×", ">="),
        (f"{n}: cold 6-week report / cold check", ratio(rcold, cold), 1.3, "×", "<="),
        (
            f"{n}: report over all dates − 6-week report, per extra record ({extra:,})",
            per,
            60,
            " µs",
            "<=",
        ),
    ]
    if size == 10_000:
        rows.append((f"{n}: warm check", warm.median * 1000 if warm else None, 200, " ms", "<="))
        rows.append(
            (f"{n}: warm 6-week report", rwarm.median * 1000 if rwarm else None, 300, " ms", "<=")
        )
    return rows


def _memory(benches: list[Bench], sizes: list[int]) -> list[Target]:
    """Peak RSS per record at the margin, between the smallest and largest size from 10,000
    (the issue's (RSS at 100k − at 10k) / 90k), and the peak at 100,000 when measured."""
    rows: list[Target] = []
    big = [s for s in sizes if s >= 10_000]
    for name in ("check (cold)", "report (cold)"):
        if len(big) >= 2:
            lo, hi = find(benches, name, big[0]), find(benches, name, big[-1])
            if lo and hi and lo.rss_kb and hi.rss_kb:
                per = (max(hi.rss_kb) - max(lo.rss_kb)) * 1024 / (big[-1] - big[0])
                rows.append(
                    (
                        f"{name}: peak RSS per record, {big[0]:,} → {big[-1]:,}",
                        per,
                        2048,
                        " B",
                        "<=",
                    )
                )
        top = find(benches, name, 100_000)
        if top and top.rss_kb:
            rows.append((f"100,000: {name} peak RSS", max(top.rss_kb) / 1024, 300, " MB", "<="))
    return rows


def gist(output: str) -> str:
    """The first error line and the closing count of a command's output."""
    lines = output.strip().splitlines() or [""]
    first = next((line for line in lines if " error " in line or "Error" in line), lines[0])
    count = next((line for line in lines if SUMMARY.search(line)), lines[-1])
    return (first if first == count else f"{first} / {count}")[:400]


def problems(benches: list[Bench]) -> list[str]:
    """The generated data is valid: any failure or diagnostic anywhere is a loud warning."""
    lines = []
    for b in benches:
        codes = sorted({b.warm_code, *b.codes})
        if b.warm_code:
            lines.append(f"{b.label} exited {b.warm_code} in the warm-up: {gist(b.output)}")
        elif codes != [0]:
            lines.append(f"{b.label} exited {codes} in timed runs (their output is not kept)")
        counts = SUMMARY.search(b.output) if b.name.startswith("check") else None
        if counts and counts.group(0) != "0 errors, 0 warnings":
            lines.append(f"{b.label} reported {counts.group(0)} on generated data")
        if b.name == "baseline" and not b.output.rstrip().endswith(" 0 errors"):
            lines.append(f"{b.label} found errors: {b.output.strip().splitlines()[-1]}")
    return lines


def header(args: argparse.Namespace, env: dict[str, str]) -> list[str]:
    version = capture([*interim_command(), "--version"], env)[1].strip()
    commit = capture(["git", "rev-parse", "--short", "HEAD"], env)[1].strip()
    dirty = capture(["git", "status", "--porcelain", "--", "interim"], env)[1].strip()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [
        "# interim benchmarks: latest run",
        "",
        f"- when: {when}; machine: {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        f"- interim: {version}; commit {commit}{' + uncommitted changes' if dirty else ''}",
        f"- command: `{' '.join(interim_command())}`; sizes {args.sizes}, "
        f"{args.repeat} repeats, seed {args.seed}; times are whole processes, wall clock",
    ]


def unstable(benches: list[Bench]) -> list[str]:
    """Runs whose median is far above their min: the machine was busy, or the warm cache was
    invalidated mid-run (interim drops it when its own code changes)."""
    lines = []
    for b in benches:
        if len(b.times) > 1 and b.median > 1.5 * min(b.times) and b.median - min(b.times) > 0.05:
            lines.append(f"{b.label}: median {ms(b.median)} but min {ms(min(b.times))}; unstable")
    return lines


def source_digest() -> str:
    """A hash of interim's package files, to notice the code changing during a run."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "interim").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def render(
    args: argparse.Namespace,
    benches: list[Bench],
    env: dict[str, str],
    changed: bool,
    extra: dict[int, int],
) -> str:
    sizes = parse_sizes(args.sizes)
    warn = problems(benches) + unstable(benches)
    if changed:
        warn.insert(0, "interim's code changed during the run: the timings mix versions")
    parts = [*header(args, env), "", *table(benches), "", "## Ratios (medians)", ""]
    parts += [*ratios(benches, sizes), "", "## Targets", "", *targets(benches, sizes, extra)]
    if warn:
        parts += ["", "## WARNINGS", "", *(f"- {w}" for w in warn)]
    return "\n".join(parts) + "\n"


def parse_sizes(text: str) -> list[int]:
    return [int(s.replace("_", "")) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated file counts")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--keep", action="store_true", help="keep folders generated by this run for reuse"
    )
    args = parser.parse_args(argv)
    env = child_env()
    made: list[Path] = []
    before = source_digest()
    with tempfile.TemporaryDirectory(prefix="interim-bench-") as outdir:
        try:
            benches, extra = plan(parse_sizes(args.sizes), args.seed, Path(outdir), env, made)
            warm_up(benches, env)
            measure(benches, args.repeat, env)
        finally:
            for folder in made if not args.keep else []:
                shutil.rmtree(folder, ignore_errors=True)
                folder.with_name(folder.name + ".ok").unlink(missing_ok=True)
    text = render(args, benches, env, source_digest() != before, extra)
    RESULTS.write_text(text, encoding="utf-8")
    print("\n" + text, flush=True)
    if "## WARNINGS" in text:
        print("!!! WARNING: see WARNINGS above", file=sys.stderr, flush=True)
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
