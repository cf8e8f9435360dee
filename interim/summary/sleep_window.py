"""The sleep-window suggestion (sleep restriction), off unless the clinician turns it on
(`sleep.window: true`). It is a suggestion to discuss, never a prescription (DESIGN §2.3).

Rule, after the usual titration of sleep restriction therapy (Spielman, Saskin & Thorpy
1987, Sleep 10:45–56; Miller et al. 2014, Sleep Med Rev 18:415–424): start from the mean total sleep time of
the period's complete nights, never below the configured minimum nor below 5 hours; widen it
by one step when mean sleep efficiency is at or above `increase_above`, narrow it by one step
(never below the minimum) when it is below `decrease_below`. At least 5 complete nights are
needed, so one or two unusual nights cannot set a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from interim.settings import Settings
from interim.summary.data import Data, Stat, half_up_int, hours_text

FLOOR_MINUTES = 5 * 60  # never below 5 h, whatever the settings say
MIN_NIGHTS = 5
NOTE = (
    "A suggestion to discuss with your clinician, not a prescription. Sleep restriction is "
    "not for everyone: for example not with bipolar disorder or epilepsy, and not when "
    "sleepiness could be dangerous (driving, operating machinery)."
)


@dataclass
class Window(Data):
    minutes: int | None  # the suggested time in bed; None when there are too few nights
    text: str | None  # "6 h 15 min"
    base_minutes: int | None  # mean sleep time, raised to the minimum
    adjustment_minutes: int  # +step, −step or 0
    nights: int  # complete nights it rests on
    mean_tst: float | None
    mean_se: float | None
    reason: str  # why this window (or why none)
    rule: str
    note: str = NOTE
    kind: str = "suggestion"


def _rule(settings: Settings, minimum: int) -> str:
    sleep = settings.sleep
    step = sleep.window_step_minutes
    return (
        f"Mean total sleep time over the period's complete nights (at least {MIN_NIGHTS}), "
        f"not below {hours_text(minimum)}; {step} minutes more when mean sleep efficiency is "
        f"{sleep.window_increase_above}% or higher, {step} minutes less (not below "
        f"{hours_text(minimum)}) when it is below {sleep.window_decrease_below}%."
    )


def sleep_window(tst: Stat, se: Stat, settings: Settings) -> Window | None:
    sleep = settings.sleep
    if not sleep.window:
        return None
    minimum = max(half_up_int(sleep.window_min_hours * 60), FLOOR_MINUTES)
    rule = _rule(settings, minimum)
    if tst.n < MIN_NIGHTS or tst.mean is None or se.mean is None:
        reason = f"{tst.n} complete nights; at least {MIN_NIGHTS} are needed for a suggestion"
        return Window(None, None, None, 0, tst.n, tst.mean, se.mean, reason, rule)
    base = max(half_up_int(tst.mean), minimum)
    step = sleep.window_step_minutes
    if se.mean >= sleep.window_increase_above:
        adjust, why = step, f"mean sleep efficiency {se.mean}% is high: widen by {step} min"
    elif se.mean < sleep.window_decrease_below:
        adjust = -min(step, base - minimum)
        why = f"mean sleep efficiency {se.mean}% is low: narrow by {-adjust} min"
        if not adjust:
            why = f"mean sleep efficiency {se.mean}% is low, but the window is at its minimum"
    else:
        adjust, why = 0, f"mean sleep efficiency {se.mean}% is in the middle: keep it"
    minutes = base + adjust
    return Window(minutes, hours_text(minutes), base, adjust, tst.n, tst.mean, se.mean, why, rule)
