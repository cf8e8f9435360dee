"""Report profiles: what a report shares (DESIGN §4: "profiles trim what is shared, never the
safety banner").

- `full` (the default): everything but `private: true` records.
- `scores-only`: no free text anywhere. Kept: numbers, dates, yes/no answers, values from a
  type's fixed list of choices (a homework's status, a thinking trap from Burns' list),
  questionnaire names, and the titles of homework and goals. Left out (None): every other
  text a person wrote — record bodies, situations, thoughts, what was learned, questions,
  barriers, emotion names, activity names, exposure steps, practised skills, reading titles.
- the folder's own, from `interim.yaml`:
  `profiles: {gp: {free_text: false, sections: [questionnaires, mood, sleep]}}`.
  `free_text` defaults to true; `sections` (default: all) lists the section ids to include.

No profile can remove the safety notice: it is not a section, and `build_report` builds it
before and apart from any profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from interim.diagnostics import did_you_mean
from interim.errors import InterimError
from interim.settings import Settings
from interim.settings.model import Plain, ProfileSpec

# DESIGN §4.5: the order of the report's sections.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("questionnaires", "Questionnaires"),
    ("course", "Course of treatment"),
    ("goals", "Goals"),
    ("mood", "Mood"),
    ("sleep", "Sleep"),
    ("thought-records", "Thought records"),
    ("experiments", "Behavioural experiments"),
    ("exposure", "Exposure"),
    ("activities", "Activities"),
    ("practice", "Skills practice"),
    ("eating", "Eating"),
    ("reading", "Reading"),
    ("checkins", "Check-ins"),
    ("notes", "Notes"),
)
SECTION_IDS = tuple(sid for sid, _ in SECTIONS)
SECTION_OF_TYPE = {
    "questionnaire": "questionnaires",
    "goal": "goals",
    "mood": "mood",
    "sleep": "sleep",
    "thought-record": "thought-records",
    "experiment": "experiments",
    "exposure": "exposure",
    "activity": "activities",
    "practice": "practice",
    "eating": "eating",
    "reading": "reading",
    "checkin": "checkins",
    "note": "notes",
}
# Built-in types that feed the report without a section of their own.
NO_SECTION = frozenset({"session", "homework", "review"})
_KEYS = frozenset({"free_text", "sections"})


@dataclass(frozen=True)
class Profile:
    name: str
    free_text: bool = True
    sections: frozenset[str] | None = None  # None: every section, the folder's types too

    def shows(self, section: str) -> bool:
        return self.sections is None or section in self.sections


BUILT_IN = {
    "full": Profile("full"),
    "scores-only": Profile("scores-only", free_text=False),
}


def resolve_profile(
    name: str, settings: Settings | None = None, extra_sections: Iterable[str] = ()
) -> Profile:
    """The profile called `name`: built in, or defined in the settings. `extra_sections` are
    the folder's own record types (each is a section). Unknown names raise InterimError."""
    if name in BUILT_IN:
        return BUILT_IN[name]
    defined = dict(settings.profiles) if settings is not None else {}
    if name not in defined:
        known = sorted(BUILT_IN) + sorted(k for k in defined if k not in BUILT_IN)
        hint = did_you_mean(name, known, "profiles: " + ", ".join(known))
        raise InterimError(f"there is no report profile `{name}`; {hint}")
    valid = SECTION_IDS + tuple(sorted(set(extra_sections) - set(SECTION_IDS)))
    return _user_profile(name, defined[name], valid)


def _user_profile(name: str, spec: ProfileSpec, valid: tuple[str, ...]) -> Profile:
    where = f"profile `{name}` in interim.yaml"
    if not isinstance(spec, Mapping):  # settings built by hand may hold anything
        raise InterimError(f"{where} must be a mapping: {{free_text: false, sections: [...]}}")
    unknown = sorted(set(spec) - _KEYS)
    if unknown:
        # A misspelt `free_text` must not quietly share free text: refuse instead.
        raise InterimError(f"{where} has `{unknown[0]}`; a profile takes free_text and sections")
    return Profile(name, _boolean(spec.get("free_text"), where), _sections(spec, where, valid))


def _boolean(value: Plain | bool, where: str) -> bool:
    if value is None or value is True:
        return True
    if value is False:
        return False
    word = str(value).strip().lower()
    if word in ("true", "yes"):
        return True
    if word in ("false", "no"):
        return False
    raise InterimError(f"{where}: `free_text` must be true or false; got `{value}`")


def _sections(spec: ProfileSpec, where: str, valid: tuple[str, ...]) -> frozenset[str] | None:
    sections = spec.get("sections")
    if sections is None:
        return None
    if isinstance(sections, str):
        sections = [sections]
    if not isinstance(sections, list):
        raise InterimError(f"{where}: `sections` must be a list of section ids")
    chosen = set()
    for section in sections:
        sid = str(section).strip().lower()
        if sid not in valid:
            hint = did_you_mean(sid, valid, "sections: " + ", ".join(valid))
            raise InterimError(f"{where}: `{section}` is not a report section; {hint}")
        chosen.add(sid)
    return frozenset(chosen)
