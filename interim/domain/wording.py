"""The wording of the questionnaires `interim new` asks: each item, the answer choices and
the unscored difficulty question. Scoring lives in `interim.domain.measures`; this is only what a
person reads.

PHQ-9 and GAD-7 were developed by Drs Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke
and colleagues, with an educational grant from Pfizer Inc. No permission is required to
reproduce, translate, display or distribute them (the instruments' own notice)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    key: str  # the measure's key in interim.domain.measures.MEASURES
    stem: str  # the question every item answers
    items: tuple[str, ...]
    choices: tuple[str, ...]  # answer i is worth i points
    difficulty: str  # the unscored last question
    difficulty_choices: tuple[str, ...]


# The frequency answers shared by PHQ-9 and GAD-7 (0–3 points).
FREQUENCY_CHOICES = ("Not at all", "Several days", "More than half the days", "Nearly every day")
DIFFICULTY_CHOICES = (
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
)
_DIFFICULTY = (
    "If you checked off any problems, how difficult have these problems made it for you to "
    "do your work, take care of things at home, or get along with other people?"
)

PHQ9_WORDING = Wording(
    key="phq9",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    choices=FREQUENCY_CHOICES,
    difficulty=_DIFFICULTY,
    difficulty_choices=DIFFICULTY_CHOICES,
)

GAD7_WORDING = Wording(
    key="gad7",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    choices=FREQUENCY_CHOICES,
    difficulty=_DIFFICULTY,
    difficulty_choices=DIFFICULTY_CHOICES,
)

WORDINGS: dict[str, Wording] = {w.key: w for w in (PHQ9_WORDING, GAD7_WORDING)}


def choices_text(choices: tuple[str, ...]) -> str:
    """`0 Not at all, 1 Several days, …`: the answer key shown with every item."""
    return ", ".join(f"{i} {label}" for i, label in enumerate(choices))
