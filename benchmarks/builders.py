"""Field values for each record type, drawn from a seeded RNG (used by `generate.py`).

Each builder returns the type's own (key, value) pairs; the caller adds the common keys.
`w` is the client's latent wellbeing that day, 0 (worst) to 1 (best): it moves mood,
anxiety, sleep, questionnaire items and ratings together, the way real records co-vary.
"""

from __future__ import annotations

import datetime as dt
import random

import textbank as tb
from yamlout import Raw, hm

Pairs = list[tuple[str, object]]
POSITIVE = ["calm", "hopeful", "content", "relieved", "proud"]


def clip(value: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, round(value)))


def mood(rng: random.Random, w: float) -> Pairs:
    m = clip(1 + 8 * w + rng.gauss(0, 1.2), 0, 10)
    pool = POSITIVE if m >= 6 else [e for e in tb.EMOTIONS if e not in POSITIVE]
    return [
        ("mood", m),
        ("anxiety", clip(9 - 7 * w + rng.gauss(0, 1.5), 0, 10)),
        ("emotions", rng.sample(pool, rng.randint(1, 3))),
        ("situation", rng.choice(tb.SITUATIONS)),
    ]


def thought_record(rng: random.Random, w: float) -> Pairs:
    names = rng.sample([e for e in tb.EMOTIONS if e not in POSITIVE], rng.randint(1, 3))
    emotions = []
    for name in names:
        before = rng.randint(50, 95)
        emotions.append(
            {"name": name, "before": before, "after": max(0, before - rng.randint(10, 50))}
        )
    belief = rng.randint(50, 95)
    return [
        ("situation", rng.choice(tb.SITUATIONS)),
        ("emotions", emotions),
        ("hot_thought", rng.choice(tb.HOT_THOUGHTS)),
        ("belief_before", belief),
        ("thinking_traps", rng.sample(tb.TRAPS, rng.randint(1, 3))),
        ("evidence_for", rng.sample(tb.EVIDENCE_FOR, rng.randint(1, 2))),
        ("evidence_against", rng.sample(tb.EVIDENCE_AGAINST, rng.randint(1, 3))),
        ("balanced_thought", rng.choice(tb.BALANCED)),
        ("belief_balanced", rng.randint(40, 90)),
        ("belief_after", max(0, belief - rng.randint(5, 50))),
    ]


def _yes_no_partly(rng: random.Random, p_yes: float, p_partly: float) -> Raw:
    """Written plain, as people type it (`no`, not `"no"`): interim reads it by the field's kind."""
    r = rng.random()
    return Raw("yes" if r < p_yes else "partly" if r < p_yes + p_partly else "no")


def experiment(rng: random.Random, w: float) -> Pairs:
    belief, prediction, plan, safety = rng.choice(tb.EXPERIMENTS)
    before = rng.randint(60, 95)
    return [
        ("belief", belief),
        ("belief_before", before),
        ("prediction", prediction),
        ("plan", plan),
        ("safety_behaviours_dropped", safety[: rng.randint(1, len(safety))]),
        ("outcome", rng.choice(tb.OUTCOMES)),
        ("prediction_came_true", _yes_no_partly(rng, 0.1, 0.3)),
        ("learned", rng.choice(tb.LEARNED)),
        ("belief_after", max(0, before - rng.randint(0, 55))),
    ]


def exposure(rng: random.Random, w: float, step: str) -> Pairs:
    before = rng.randint(20, 70)
    peak = min(100, before + rng.randint(0, 30))
    expect = rng.randint(40, 95)
    pairs: Pairs = [
        ("step", step),
        ("planned", rng.random() < 0.8),
        ("minutes", rng.randint(10, 75)),
        ("suds_before", before),
        ("suds_peak", peak),
        ("suds_after", max(0, peak - rng.randint(10, 60))),
        ("feared_outcome", rng.choice(tb.FEARED)),
        ("expectancy_before", expect),
        ("expectancy_after", max(0, expect - rng.randint(0, 50))),
        ("feared_outcome_happened", _yes_no_partly(rng, 0.05, 0.15)),
    ]
    safety = rng.sample(tb.SAFETY_BEHAVIOURS, rng.randint(0, 2))
    if safety:
        pairs.append(("safety_behaviours", safety))
    pairs.append(("learned", rng.choice(tb.LEARNED)))
    return pairs


def activity(rng: random.Random, w: float, planned: bool) -> Pairs:
    done = not planned or rng.random() < 0.85
    before = clip(1 + 8 * w + rng.gauss(0, 1.3), 0, 10)
    pairs: Pairs = [("activity", rng.choice(tb.ACTIVITIES)), ("planned", planned), ("done", done)]
    if done:
        pairs += [
            ("pleasure", clip(2 + 6 * w + rng.gauss(0, 2), 0, 10)),
            ("mastery", clip(2 + 6 * w + rng.gauss(0, 2), 0, 10)),
            ("mood_before", before),
            ("mood_after", clip(before + rng.gauss(0.8, 1.2), 0, 10)),
        ]
    else:
        pairs.append(("mood_before", before))
    return pairs


def sleep(rng: random.Random, w: float) -> Pairs:
    bed = rng.randint(22 * 60, 24 * 60 + 60)
    lights = bed + rng.randint(0, 40)
    to_sleep = clip(10 + 50 * (1 - w) * rng.random(), 2, 120)
    wakes = rng.choice([0, 1, 1, 2, 2, 3, 4] if w < 0.5 else [0, 0, 1, 1, 2])
    awake = 0 if wakes == 0 else wakes * rng.randint(3, 25)
    final = 1440 + rng.randint(5 * 60 + 30, 8 * 60 + 30)
    awake = min(awake, max(0, final - lights - to_sleep - 180))  # keep 3 h or more of sleep
    return [
        ("bedtime", hm(bed)),
        ("lights_out", hm(lights)),
        ("minutes_to_sleep", to_sleep),
        ("awakenings", wakes),
        ("minutes_awake", awake),
        ("final_wake", hm(final)),
        ("out_of_bed", hm(final + rng.randint(0, 50))),
        ("quality", clip(1 + 4 * w + rng.gauss(0, 0.7), 1, 5)),
        ("naps_minutes", 0 if rng.random() < 0.8 else rng.randint(15, 60)),
        ("caffeine", rng.randint(0, 4)),
        ("alcohol", rng.choice([0, 0, 0, 0, 1, 2, 3])),
        ("medication", rng.choice(tb.MEDICATION)),
    ]


def eating(rng: random.Random, w: float) -> Pairs:
    binge = rng.random() < 0.12 * (1 - w)
    pairs: Pairs = [
        ("food", rng.choice(tb.FOODS)),
        ("place", rng.choice(tb.PLACES)),
        ("binge", binge),
    ]
    if binge and rng.random() < 0.4:
        pairs.append(("compensatory", [rng.choice(["vomit", "laxative", "exercise", "other"])]))
    pairs.append(("context", rng.choice(tb.EATING_CONTEXT)))
    return pairs


def practice(rng: random.Random, w: float, skill: str) -> Pairs:
    return [
        ("skill", skill),
        ("minutes", rng.choice([5, 10, 10, 15, 15, 20, 30, 45])),
        ("helpfulness", clip(2 + 6 * w + rng.gauss(0, 1.8), 0, 10)),
    ]


def reading(rng: random.Random, day: dt.date) -> Pairs:
    title, source = rng.choice(tb.READINGS)
    pairs: Pairs = [
        ("title", title),
        ("source", source),
        ("read", day),
        ("takeaways", rng.choice(tb.LEARNED)),
    ]
    if rng.random() < 0.5:
        pairs.append(("questions", rng.sample(tb.QUESTIONS, rng.randint(1, 2))))
    return pairs


def checkin(rng: random.Random, goals: dict[str, int]) -> Pairs:
    pairs: Pairs = [("went_well", rng.choice(tb.WENT_WELL)), ("hard", rng.choice(tb.HARD))]
    if rng.random() < 0.7:
        pairs.append(("barriers", rng.sample(tb.BARRIERS, rng.randint(1, 3))))
    if rng.random() < 0.7:
        pairs.append(("questions", rng.sample(tb.QUESTIONS, rng.randint(1, 2))))
    if goals:
        pairs.append(("goals", goals))
    return pairs


def questionnaire(rng: random.Random, w: float, instrument: str) -> Pairs:
    count = 9 if instrument == "phq9" else 7
    severity = 1 - w
    items = [clip(3.2 * severity - 0.3 + rng.gauss(0, 0.7), 0, 3) for _ in range(count)]
    if instrument == "phq9":  # item 9 (self-harm thoughts): rare, only in the worst stretches
        items[8] = 1 if severity > 0.7 and rng.random() < 0.3 else 0
    return [
        ("instrument", instrument),
        ("items", items),
        ("total", sum(items)),
        ("difficulty", clip(3 * severity + rng.gauss(0, 0.5), 0, 3)),
    ]


def review(rng: random.Random, w: float, homework: str) -> Pairs:
    pairs: Pairs = [
        ("homework", homework),
        ("quality", clip(4 * w + rng.gauss(0, 0.8), 0, 4)),
        ("difficulty", clip(4 - 4 * w + rng.gauss(0, 0.8), 0, 4)),
        ("helpfulness", clip(1 + 3 * w + rng.gauss(0, 0.8), 0, 4)),
    ]
    if rng.random() < 0.6:
        pairs.append(("barriers", rng.sample(tb.BARRIERS, rng.randint(1, 2))))
    pairs.append(("learned", rng.choice(tb.LEARNED)))
    return pairs


def body(rng: random.Random, least: int = 0) -> str:
    """A Markdown body of 0–15 lines (at least `least`), mostly short."""
    r = rng.random()
    n = 0 if r < 0.3 else rng.randint(1, 3) if r < 0.7 else rng.randint(4, 8)
    if r > 0.92:
        n = rng.randint(9, 15)
    n = max(n, least)
    lines: list[str] = []
    while len(lines) < n:
        k = rng.random()
        if k < 0.1 and lines and lines[-1]:
            lines.append("")
        elif k < 0.25:
            lines.append("- " + rng.choice(tb.BULLETS))
        elif k < 0.28:
            lines.append("## Later")
        else:
            lines.append(" ".join(rng.sample(tb.BODY_SENTENCES, rng.randint(1, 3))))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
