"""Generate a realistic, valid synthetic interim folder for the benchmarks.

    python benchmarks/generate.py N OUTDIR [--seed S] [--per-day F]

Writes exactly N record files (plus `interim.yaml`) for one imaginary client in weekly
therapy: mood 1–3 times a day, sleep diaries in some stretches, eating and activity logs,
thought records, experiments, exposure, skills practice, reading, weekly check-ins,
PHQ-9 and GAD-7 every two weeks, goals, sessions, homework set at each session and reviewed
before the next. The treatment moves through phases (a few focus modules at a time), so the
mix of record types changes over the years, as it does in real treatment. About 27 files a
day: 50,000 files cover about five years. Same N and seed, same bytes.

`--per-day F` thins the everyday self-monitoring (mood, sleep, eating, activities, thought
records, practice, notes...) to about F files a day in all, for a lighter client: the
caseload benchmark's 40 clients of a year each at 4 a day (benchmarks/bench_caseload.py).
Sessions, homework, reviews, check-ins, questionnaires and goals are all kept; the thinning
draws from its own random stream, so without `--per-day` the bytes are those of before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import builders as b
import textbank as tb
from yamlout import front_matter, hm

START = dt.date(2020, 1, 6)  # a Monday: sessions are on Tuesdays
ONE = dt.timedelta(days=1)
MODULES = ["activation", "eating", "sleep", "exposure", "cognitive", "worry", "mindfulness"]
MODULE_WEIGHTS = [3, 3, 4, 2, 3, 2, 2]
# module -> homework kinds it sets (a kind "practice:SKILL" tracks practice of that skill)
MODULE_HOMEWORK = {
    "activation": ["activation"],
    "eating": ["eating"],
    "sleep": ["sleep", "practice:progressive-relaxation"],
    "exposure": ["exposure"],
    "cognitive": ["cognitive", "experiment"],
    "worry": ["practice:worry-time", "practice:unhooking"],
    "mindfulness": ["practice:mindfulness"],
}
# homework kind -> (slug, title, track, frequencies, link key of the records that count)
HW_KINDS: dict[str, tuple[str, str, object, list[str], str]] = {
    "mood": ("mood-diary", "Rate mood and anxiety", "mood", ["daily", "2/day"], "mood"),
    "sleep": ("sleep-diary", "Sleep diary every morning", "sleep", ["daily"], "sleep"),
    "eating": ("food-diary", "Record eating as it happens", "eating", ["daily"], "eating"),
    "activation": (
        "activity-schedule",
        "Plan and do one valued activity a day",
        {"type": "activity", "tag": "scheduled"},
        ["daily", "weekdays", "5/week"],
        "activity",
    ),
    "cognitive": (
        "thought-records",
        "Catch and challenge hot thoughts",
        "thought-record",
        ["3/week", "4/week", "daily"],
        "thought-record",
    ),
    "experiment": (
        "behavioural-experiment",
        "Run the experiment we planned",
        "experiment",
        ["once", "2/week"],
        "experiment",
    ),
    "exposure": (
        "exposure-practice",
        "Next steps on the hierarchy",
        "exposure",
        ["daily", "5/week"],
        "exposure",
    ),
    "reading": ("read-handout", "Read the handout", "reading", ["once"], "reading"),
}
# homework status -> (weight, probability that an entry of the tracked type links to it):
# the status agrees with the entries (nothing links to homework that was never started)
HW_STATUS = {
    "done": (55, 0.9),
    "in-progress": (20, 0.8),
    "stuck": (10, 0.4),
    "dropped": (5, 0.2),
    "not-started": (10, 0.0),
}


@dataclass
class Goal:
    id: str
    title: str
    set: dt.date
    end: dt.date
    fate: str


@dataclass
class State:
    rng: random.Random
    budget: int  # record files still to write; goals are written last and count against it
    goals: list[Goal] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    phase_left: int = 0  # held sessions left in this phase
    number: int = 1  # next session number
    held: int = 0
    next_session: dt.date = START + ONE
    next_status: str = "held"
    open_hw: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # link key -> homework id
    link_p: dict[str, float] = field(default_factory=dict)  # homework id -> P(entry links it)
    w: float = 0.3
    noise: float = 0.0
    step: int = 0  # exposure hierarchy step
    unread: bool = False  # a reading homework is open and not read yet
    today: dt.date = START
    keep: float = 1.0  # the share of everyday entries written (`--per-day`)
    thin: random.Random = field(default_factory=lambda: random.Random(0))


Pairs = list[tuple[str, object]]
File = tuple[str, str]


def head(kind: str, day: dt.date, minute: int) -> Pairs:
    """The common keys that open a record: type, date, time."""
    return [("type", kind), ("date", day), ("time", hm(minute))]


def _tail(st: State, stem: str, link: str | None, tags: list[str], short: bool) -> Pairs:
    """Common keys after the type's own: a short record gets its tags and `private` always."""
    rng = st.rng
    if short or rng.random() < 0.6:
        tags = tags + rng.sample(tb.TAGS, rng.randint(1, 2))
    tail: Pairs = [("tags", tags)] if tags else []
    if short or rng.random() < 0.7:
        tail.append(("private", rng.random() < 0.03))
    if link and rng.random() < st.link_p.get(link, 0.85):
        tail.append(("homework", link))
    if rng.random() < 0.1:
        tail.append(("id", stem))
    return tail


def make_file(
    st: State,
    path: str,
    top: Pairs,
    own: Pairs,
    link: str | None = None,
    tags: list[str] | None = None,
    least_body: int = 0,
) -> File:
    stem = path.rsplit("/", 1)[1][:-3]
    pairs = top + own + _tail(st, stem, link, tags or [], len(own) < 5)
    return path, front_matter(pairs) + b.body(st.rng, least_body)


def record_path(day: dt.date, kind: str, n: int) -> str:
    suffix = "" if n == 1 else f"-{n}"
    return f"records/{day.year}/{day.month:02d}/{day.isoformat()}-{kind}{suffix}.md"


def drift(st: State, t: int) -> None:
    """Move the latent wellbeing: slow improvement with setbacks (an AR(1) around a trend)."""
    trend = 0.25 + 0.5 * (1 - math.exp(-t / 300))
    st.noise = 0.97 * st.noise + st.rng.gauss(0, 0.03)
    st.w = max(0.02, min(0.98, trend + st.noise))


# -- everyday self-monitoring -------------------------------------------------------------


def _skills(mods: list[str]) -> list[str]:
    kinds = [k for mod in mods for k in MODULE_HOMEWORK[mod]]
    return [k.split(":")[1] for k in kinds if k.startswith("practice:")]


def daily_counts(st: State) -> list[tuple[str, int, str]]:
    """Today's entries: (type, how many, link key; for practice the skill)."""
    rng, mods = st.rng, st.modules
    out = [("mood", rng.randint(1, 3) if rng.random() < 0.95 else 0, "mood")]
    if "activation" in mods:
        out.append(("activity", rng.randint(8, 16), "activity"))
    if "eating" in mods:
        out.append(("eating", rng.randint(5, 9), "eating"))
    thoughts = rng.randint(1, 4) if "cognitive" in mods else int(rng.random() < 0.3)
    out.append(("thought-record", thoughts, "thought-record"))
    p_experiment = 0.25 if ("cognitive" in mods or "exposure" in mods) else 0.02
    out.append(("experiment", int(rng.random() < p_experiment), "experiment"))
    if "exposure" in mods:
        out.append(("exposure", rng.randint(1, 3) if rng.random() < 0.85 else 0, "exposure"))
    for skill in _skills(mods):
        out.append(("practice", rng.randint(1, 3) if rng.random() < 0.8 else 0, skill))
    if rng.random() < 0.5:
        out.append(("practice", 1, rng.choice(tb.SKILLS)))
    out.append(("reading", int(rng.random() < (0.4 if st.unread else 0.03)), "reading"))
    out.append(("note", rng.choice([0, 1, 1, 2]), "note"))
    return out


def build(st: State, kind: str, key: str, day: dt.date) -> Pairs:
    rng, w = st.rng, st.w
    if kind == "activity":
        return b.activity(rng, w, planned=rng.random() < 0.5)
    if kind == "exposure":
        return b.exposure(rng, w, tb.EXPOSURE_STEPS[st.step % len(tb.EXPOSURE_STEPS)])
    if kind == "practice":
        return b.practice(rng, w, key)
    if kind == "reading":
        st.unread = False
        return b.reading(rng, day)
    if kind == "note":
        return [("title", rng.choice(tb.NOTE_TITLES))]
    if kind == "eating":
        return b.eating(rng, w)
    simple = {"mood": b.mood, "thought-record": b.thought_record, "experiment": b.experiment}
    return simple[kind](rng, w)


def daily(st: State, day: dt.date) -> Iterator[File]:
    """The day's everyday entries, each kept with probability `st.keep` (drawn from its own
    stream, after the entry is made: what is written does not change what comes next)."""
    for made in _daily(st, day):
        if st.keep >= 1 or st.thin.random() < st.keep:
            yield made


def _daily(st: State, day: dt.date) -> Iterator[File]:
    rng = st.rng
    if "sleep" in st.modules and rng.random() < 0.95:
        top = head("sleep", day, rng.randint(6 * 60 + 30, 9 * 60))
        own = b.sleep(rng, st.w)
        yield make_file(st, record_path(day, "sleep", 1), top, own, st.links.get("sleep"))
    seen: dict[str, int] = {}
    for kind, count, key in daily_counts(st):
        # Distinct minutes: two entries of one kind at one minute are one entry (IM306).
        for minute in sorted(rng.sample(range(7 * 60, 22 * 60), count)):
            seen[kind] = n = seen.get(kind, 0) + 1
            own = build(st, kind, key, day)
            link = st.links.get(f"practice:{key}" if kind == "practice" else key)
            scheduled = kind == "activity" and dict(own)["planned"] is True
            if kind == "activity" and not scheduled:
                link = None  # only scheduled activities count for the activity schedule
            path = record_path(day, kind, n)
            top = head(kind, day, minute)
            tags = ["scheduled"] if scheduled else []
            yield make_file(st, path, top, own, link, tags, 3 if kind == "note" else 0)


# -- sessions, homework, reviews, check-ins, questionnaires, goals --------------------------


def active_goals(st: State, day: dt.date) -> list[Goal]:
    return [g for g in st.goals if g.set <= day < g.end]


def add_goal(st: State, day: dt.date) -> None:
    if st.budget - len(st.goals) < 2:
        return  # keep room for the records that refer to it
    rng = st.rng
    used = {g.id for g in st.goals}
    slug, title = rng.choice([g for g in tb.GOALS if g[0] not in used] or tb.GOALS)
    gid = slug if slug not in used else f"{slug}-{len(st.goals) + 1}"
    fate = rng.choices(["achieved", "dropped", "active"], [55, 20, 25])[0]
    end = day + dt.timedelta(days=rng.randint(60, 400) if fate != "active" else 100_000)
    st.goals.append(Goal(gid, title, day, end, fate))


def goal_file(st: State, goal: Goal, last_day: dt.date) -> File:
    status = goal.fate if goal.end <= last_day else "active"
    own: Pairs = [("title", goal.title), ("set", goal.set), ("status", status)]
    return make_file(st, f"goals/{goal.id}.md", [("type", "goal")], own)


def checkin(st: State, day: dt.date) -> File:
    ratings = {}
    for g in active_goals(st, day):
        frac = (day - g.set).days / max(1, (min(g.end, day + dt.timedelta(400)) - g.set).days)
        ratings[g.id] = b.clip(2 + 7 * frac + st.rng.gauss(0, 1), 0, 10)
    top = head("checkin", day, st.rng.randint(18 * 60, 22 * 60))
    return make_file(st, record_path(day, "checkin", 1), top, b.checkin(st.rng, ratings))


def before_session(st: State, day: dt.date) -> Iterator[File]:
    """The evening before a held session: the weekly check-in and the homework reviews."""
    if st.rng.random() < 0.85:
        yield checkin(st, day)
    for hw in st.open_hw:
        if st.rng.random() < 0.85:
            top = head("review", day, st.rng.randint(19 * 60, 22 * 60))
            own = b.review(st.rng, st.w, hw)
            yield make_file(st, f"homework/{hw}-review.md", top, own)


def new_phase(st: State, first: bool = False) -> None:
    """Change the treatment's focus; the first weeks are assessment by self-monitoring."""
    rng = st.rng
    keep = ["activation", "sleep", "cognitive"] if first else []
    keep += [m for m in st.modules if rng.random() < 0.4]
    fresh = rng.choices(
        MODULES, MODULE_WEIGHTS, k=rng.randint(2, 3) if first else rng.randint(5, 6)
    )
    st.modules = sorted(set(keep + fresh), key=MODULES.index)
    st.phase_left = rng.randint(4, 10)
    if "exposure" in st.modules:
        st.step = 0


def homework_kinds(st: State) -> list[str]:
    kinds = []
    for mod in st.modules:
        first, *extra = MODULE_HOMEWORK[mod]
        kinds += [first] + [k for k in extra if st.rng.random() < 0.4]
    if st.rng.random() < 0.3:
        kinds.append("reading")
    if st.rng.random() < 0.25 or not kinds:
        kinds.append("mood")
    return kinds[:5]


def homework_spec(kind: str) -> tuple[str, str, object, list[str], str]:
    if kind.startswith("practice:"):
        skill = kind.split(":")[1]
        track = {"type": "practice", "skill": skill}
        return skill, f"Practise {skill.replace('-', ' ')}", track, ["daily", "2/day"], kind
    return HW_KINDS[kind]


def homework(st: State, day: dt.date, kind: str, minute: int) -> File:
    rng = st.rng
    slug, title, track, freqs, key = homework_spec(kind)
    hid = f"{day.isoformat()}-{slug}"
    status = rng.choices(list(HW_STATUS), [w for w, _ in HW_STATUS.values()])[0]
    st.links[key] = hid
    st.link_p[hid] = HW_STATUS[status][1]
    st.open_hw.append(hid)
    st.unread = st.unread or (kind == "reading" and status != "not-started")
    own: Pairs = [
        ("title", title),
        ("assigned", day),
        ("due", st.next_session),
        ("frequency", rng.choice(freqs)),
        ("track", track),
    ]
    goals = active_goals(st, day)
    if goals:
        own.append(("goal", rng.choice(goals).id))
    own += [
        ("specifics", rng.choice(tb.HW_SPECIFICS)),
        ("rationale", rng.choice(tb.HW_RATIONALE)),
        ("obstacles", rng.choice(tb.HW_OBSTACLES)),
        ("plan", rng.choice(tb.HW_PLANS)),
        ("confidence", b.clip(3 + 6 * st.w + rng.gauss(0, 1.5), 0, 10)),
        ("status", status),
    ]
    return make_file(st, f"homework/{hid}.md", head("homework", day, minute), own)


def schedule_next(st: State, day: dt.date) -> None:
    gap = 14 if st.rng.random() < 0.05 else 7  # holidays
    st.next_session = day + dt.timedelta(days=gap)
    weights = [88, 7, 5] if st.next_status == "held" else [97, 2, 1]  # rarely twice running
    st.next_status = st.rng.choices(["held", "cancelled", "missed"], weights)[0]


def session(st: State, day: dt.date) -> Iterator[File]:
    rng = st.rng
    minute = 17 * 60 if st.number % 3 else 10 * 60 + 30
    status = st.next_status
    schedule_next(st, day)
    own: Pairs = [("number", st.number), ("status", status)]
    st.number += 1
    yield make_file(st, f"sessions/{day.isoformat()}.md", head("session", day, minute), own)
    if status != "held":
        return
    if st.held % 2 == 0:
        for instrument in ("phq9", "gad7"):
            top = head("questionnaire", day, minute - 20)
            own = b.questionnaire(rng, st.w, instrument)
            yield make_file(st, f"questionnaires/{day.isoformat()}-{instrument}.md", top, own)
    st.held += 1
    yield from set_homework(st, day, minute)


def set_homework(st: State, day: dt.date, minute: int) -> Iterator[File]:
    for g in active_goals(st, day):
        if g.end <= day + dt.timedelta(days=7) and st.rng.random() < 0.8:
            add_goal(st, day)
    while len(active_goals(st, day)) < 2 and st.budget - len(st.goals) >= 2:
        add_goal(st, day)
    st.phase_left -= 1
    if st.phase_left <= 0:
        new_phase(st)
    st.step += 1
    st.open_hw, st.links, st.link_p, st.unread = [], {}, {}, False
    for kind in homework_kinds(st):
        yield homework(st, day, kind, minute + 50)


def timeline(st: State) -> Iterator[File]:
    """Every file, day by day; everything a file refers to comes before it."""
    day, t = START, 0
    while True:
        drift(st, t)
        st.today = day
        if day + ONE == st.next_session and st.next_status == "held" and st.held:
            yield from before_session(st, day)
        if day == st.next_session:
            yield from session(st, day)
        yield from daily(st, day)
        day, t = day + ONE, t + 1


# -- writing --------------------------------------------------------------------------------


# Files a day besides the everyday entries (sessions, homework, reviews, check-ins, forms),
# and the everyday ones at full rate: what `--per-day` thins from (measured on seed 1).
OTHER_PER_DAY = 1.6
EVERYDAY_PER_DAY = 28.7


def generate(n: int, out: Path, seed: int, per_day: float | None = None) -> dt.date:
    """Write n record files under out; return the last day generated."""
    st = State(random.Random(seed), budget=n)
    if per_day is not None:
        st.keep = max(0.0, min(1.0, (per_day - OTHER_PER_DAY) / EVERYDAY_PER_DAY))
        st.thin = random.Random(seed * 7919 + 1)
    new_phase(st, first=True)
    made: set[Path] = set()
    last = START
    stream = timeline(st)
    while st.budget - len(st.goals) > 0:
        path, text = next(stream)
        if st.budget - len(st.goals) <= 0:
            break
        _write(out / path, text, made)
        st.budget -= 1
        last = st.today
    for goal in st.goals:
        path, text = goal_file(st, goal, last)
        _write(out / path, text, made)
    (out / "interim.yaml").write_text(f"report_date: {last.isoformat()}\n", encoding="utf-8")
    return last


def _write(path: Path, text: str, made: set[Path]) -> None:
    if path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        made.add(path.parent)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of record files to write")
    parser.add_argument("outdir", type=Path, help="folder to create (must be empty or new)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--per-day", type=float, help="about this many files a day (thins everyday entries)"
    )
    args = parser.parse_args(argv)
    if args.outdir.exists() and any(args.outdir.iterdir()):
        parser.error(f"{args.outdir} is not empty")
    args.outdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    last = generate(args.n, args.outdir, args.seed, args.per_day)
    took = time.perf_counter() - started
    print(f"wrote {args.n} files to {args.outdir} ({START} to {last}) in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
