"""IM3xx explained: across records."""

from __future__ import annotations

from interim.diagnostics.explain.codedoc import CodeDoc, mood_example

RECORDS: dict[str, CodeDoc] = {
    "IM301": CodeDoc(
        "Every record has an id, its `id:` or else its file name without `.md`, compared "
        "without regard to case. Two records with one id make links to it ambiguous: a "
        "review or an entry's `homework:` could mean either. Rename one file or give it its "
        "own `id:`.",
        "==> records/2026-11-18.md <==\n---\ntype: mood\ndate: 2026-11-18\nmood: 5\n---\n"
        "==> sessions/2026-11-18.md <==\n---\ntype: session\ndate: 2026-11-18\n"
        "status: held\n---\n",
        "==> records/2026-11-18-mood.md <==\n---\ntype: mood\ndate: 2026-11-18\nmood: 5\n"
        "---\n==> sessions/2026-11-18.md <==\n---\ntype: session\ndate: 2026-11-18\n"
        "status: held\n---\n",
    ),
    "IM302": CodeDoc(
        "A sleep diary describes one night, dated by the morning it is filled in. Two "
        "diaries with the same date are two accounts of one night: interim counts the night "
        "once (from the file whose name is not a copy's, else the first by name) and names "
        "both files, with the values where they differ; merge them into one file.",
        "==> 2026-11-20-sleep.md <==\n---\ntype: sleep\ndate: 2026-11-20\n"
        'bedtime: "23:00"\nout_of_bed: "07:00"\n---\n'
        "==> 2026-11-20-sleep-2.md <==\n---\ntype: sleep\ndate: 2026-11-20\n"
        'bedtime: "23:30"\nout_of_bed: "07:15"\n---\n',
        "==> 2026-11-20-sleep.md <==\n---\ntype: sleep\ndate: 2026-11-20\n"
        'bedtime: "23:00"\nout_of_bed: "07:00"\n---\n',
    ),
    "IM303": CodeDoc(
        "Session numbers count the course of treatment, one number per session. Two sessions "
        "with one number usually mean a file was copied and its number not changed, so the "
        "report would show the same session number twice.",
        "==> 2026-11-11.md <==\n---\ntype: session\ndate: 2026-11-11\nnumber: 4\n"
        "status: held\n---\n==> 2026-11-18.md <==\n---\ntype: session\ndate: 2026-11-18\n"
        "number: 4\nstatus: held\n---\n",
        "==> 2026-11-11.md <==\n---\ntype: session\ndate: 2026-11-11\nnumber: 4\n"
        "status: held\n---\n==> 2026-11-18.md <==\n---\ntype: session\ndate: 2026-11-18\n"
        "number: 5\nstatus: held\n---\n",
    ),
    "IM304": CodeDoc(
        "A `homework:` line links an entry or a review to a homework by the homework's id "
        "(its file name without `.md`). When no homework has that id, the entry does not "
        "count as practice for anything, and a review belongs to no task.",
        "==> 2026-11-20-review.md <==\n---\ntype: review\ndate: 2026-11-20\n"
        "homework: thought-records\nquality: 3\n---\n",
        "==> 2026-11-18-thought-records.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Two thought records\nfrequency: 2/week\n---\n"
        "==> 2026-11-20-review.md <==\n---\ntype: review\ndate: 2026-11-20\n"
        "homework: 2026-11-18-thought-records\nquality: 3\n---\n",
    ),
    "IM305": CodeDoc(
        "A check-in rates progress on goals by each goal's id (its file name without `.md`), "
        "and a homework can name the goal it serves. A rating for a goal that does not exist "
        "is shown under no goal, so progress would look unrated.",
        "==> 2026-11-22-checkin.md <==\n---\ntype: checkin\ndate: 2026-11-22\ngoals:\n"
        "  sleep-better: 4\n---\n",
        "==> sleep-better.md <==\n---\ntype: goal\ntitle: Asleep within half an hour\n"
        "set: 2026-10-07\n---\n==> 2026-11-22-checkin.md <==\n---\ntype: checkin\n"
        "date: 2026-11-22\ngoals:\n  sleep-better: 4\n---\n",
    ),
    "IM306": CodeDoc(
        "Two files hold one entry when their text is the same, or when they share the type "
        "and its identifying fields (date and time; for a questionnaire also the instrument) "
        "— whatever their names. The entry is counted once, from the file whose name is not "
        "a copy's, else the first by name; where the two differ, both values are shown. If "
        "it is really a second entry, give it its own time.",
        mood_example() + mood_example("evening.md"),
        mood_example(),
    ),
}
