"""The words that stand beside the safety notice wherever a command prints it (`check`,
`new`, `watch`), and the reading back of `check`'s IM220 lines. Apart from
`interim.summary.safety` so a command that prints them need not import the notice's whole
machinery (periods, measures, types): `check` of an unchanged folder imports only this.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from interim.diagnostics import Diagnostic, escape_text

if TYPE_CHECKING:
    from interim.domain.measures import RiskItem

SAFETY_CODE = "IM220"  # the safety notice's diagnostic (an info notice, never an exit code)
EMERGENCY = "If you are in danger now, call your local emergency number."
PHQ9_LABEL = "PHQ-9 item 9"


@functools.cache
def phq9_item() -> RiskItem:
    """PHQ-9 item 9, from the built-in measure: read when first needed, so a `check` of an
    unchanged folder never parses the measures."""
    from interim.measures import builtin_measures

    return builtin_measures()["phq9"].risk_items[0]


_NOTICE = re.compile(r"(.+? item \d+) \((.*?)\) is (?:answered|not answered)")


def notice_kinds(diags: Iterable[Diagnostic]) -> list[tuple[str, str]]:
    """(label, what it asks) of each risk item among the IM220 lines
    (`interim.summary.safety` writes them), for `safety_lines`."""
    found = set()
    for d in diags:
        m = _NOTICE.match(d.message) if d.code == SAFETY_CODE else None
        if m is not None:
            found.add((m[1], m[2]))
    return sorted(found)


def emergency() -> str:
    """The emergency sentence as a clause: "call your local emergency number"."""
    return EMERGENCY[len("If you are in danger now, ") :].rstrip(".")


def safety_lines(crisis_contacts: str, kinds: Iterable[tuple[str, str]] = ()) -> list[str]:
    """The words that stand beside the safety notice wherever a command prints it: `check`
    (when an IM220 is among its lines), `new` (the moment a form records such an answer) and
    `watch` (when one appears). DESIGN §2.3. `kinds`: (label, what it asks) of the risk items
    answered ("EPDS item 10", "the thought of harming yourself"); PHQ-9 item 9 when none."""
    contact = crisis_contacts.strip() or EMERGENCY
    kinds = set(kinds)
    named: list[tuple[str, str]] = []
    if kinds:
        named = sorted(kinds - {(PHQ9_LABEL, phq9_item().short)})
    first = "SAFETY: a PHQ-9 answer shows thoughts of being better off dead or of self-harm."
    if named:
        first = "SAFETY: " + "; ".join(
            f"an answer to {label} ({escape_text(about)})" for label, about in named
        )
        first += " is on record; read the safety notice."
        if len(named) < len(kinds):
            first += " A PHQ-9 answer shows thoughts of being better off dead or of self-harm."
    return [
        first,
        f"  {escape_text(contact)}",
        "  Nobody monitors these files: tell your clinician, or someone you trust, today.",
    ]
