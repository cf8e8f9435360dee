"""IM2xx explained: fields."""

from __future__ import annotations

from interim.diagnostics.explain.codedoc import CodeDoc

FIELDS: dict[str, CodeDoc] = {
    "IM200": CodeDoc(
        "A record's `type:` decides which fields it has and how they are read. interim "
        "knows the built-in types (`interim types` lists them) and the folder's own types in "
        "`types/`; a file with another type is not read as a record until the name is fixed.",
        "==> 2026-11-20-mood.md <==\n---\ntype: moods\ndate: 2026-11-20\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM201": CodeDoc(
        "Some fields are required: every record needs `type`, every dated type needs "
        "`date`, and some types need more (a homework's `title` and `frequency`). Without "
        "`type` the file is not read as a record; otherwise the record is kept and marked as "
        "having an error. `interim types NAME` shows which fields are required.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM202": CodeDoc(
        'A field that is written but left empty is "not filled in yet". interim never '
        "makes up a value: the field is left out of every average and chart, and the report "
        "shows it as missing. Fill it in, or delete the line if it does not apply. A field "
        "the type marks `optional: true` (a sleep diary's naps, caffeine, alcohol and "
        "medication; `interim types NAME` says which) may stay empty without this warning.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\nanxiety:\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\nanxiety: 7\n---\n",
    ),
    "IM203": CodeDoc(
        "The record has a field its type does not define, often a typo of one that it does. "
        "interim ignores the field, so its value appears nowhere in the report. Fix the name, "
        "or add the field to your own type in `types/`.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmod: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM204": CodeDoc(
        "Each field has a kind: a number, a scale, text, a list, a list of entries. A value "
        "of another kind (a word where a number goes, a list where one value goes) cannot be "
        "counted or charted, so that field is left out; the rest of the record is kept.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: four\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM205": CodeDoc(
        "Scales have a range, shown by `interim types` and in every hint: mood and anxiety "
        "0–10, belief and distress 0–100, sleep quality 1–5, questionnaire items 0–3. A value "
        "outside it is left out of averages and charts rather than stretching them.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\nanxiety: 12\n"
        "---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\nanxiety: 10\n"
        "---\n",
    ),
    "IM206": CodeDoc(
        "Dates are written year-month-day, `2026-11-20`, and must exist on the calendar. "
        "A date in another form, or one like 30 February, is left out: a record without a "
        "valid date cannot be placed in the report's period.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 20/11/2026\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM207": CodeDoc(
        'Times are written as hours and minutes: `23:30`, `"07:05"` or `11:30 pm`. A time '
        "without minutes, with a dot, or of 24:00 and later is left out, and the sleep "
        "figures that need it are not computed for that night.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\ntime: 9.30\nmood: 4\n---\n",
        '==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\ntime: "09:30"\n'
        "mood: 4\n---\n",
    ),
    "IM208": CodeDoc(
        "Some fields take one of a fixed set of words, so the report can count them: a "
        "session's `status` is held, planned, cancelled or missed. Another word is left out; "
        "case, spaces and hyphens do not matter.",
        "==> 2026-11-18.md <==\n---\ntype: session\ndate: 2026-11-18\nstatus: done\n---\n",
        "==> 2026-11-18.md <==\n---\ntype: session\ndate: 2026-11-18\nstatus: held\n---\n",
    ),
    "IM209": CodeDoc(
        "Yes/no fields take `true` or `false` (`yes` and `no` are fine too). Anything else, "
        "such as `maybe`, is left out rather than guessed; if the answer is partly, say so in "
        "the text below the front matter.",
        "==> 2026-11-20-activity.md <==\n---\ntype: activity\ndate: 2026-11-20\n"
        "activity: Walk by the river\ndone: maybe\n---\n",
        "==> 2026-11-20-activity.md <==\n---\ntype: activity\ndate: 2026-11-20\n"
        "activity: Walk by the river\ndone: true\n---\n",
    ),
    "IM210": CodeDoc(
        "More than 16 hours between going to bed and getting up is almost always a typo: an "
        "am/pm slip, or times in the wrong fields. interim does not compute time in bed, "
        "sleep time or sleep efficiency for that night, so one typo cannot distort the "
        "averages; the other fields are kept.",
        "==> 2026-11-20-sleep.md <==\n---\ntype: sleep\ndate: 2026-11-20\n"
        'bedtime: "11:00 pm"\nout_of_bed: "7:00 pm"\n---\n',
        "==> 2026-11-20-sleep.md <==\n---\ntype: sleep\ndate: 2026-11-20\n"
        'bedtime: "11:00 pm"\nout_of_bed: "7:00 am"\n---\n',
    ),
    "IM211": CodeDoc(
        "The minutes it took to fall asleep plus the minutes awake in the night cannot be "
        "longer than the time from lights out to the final awakening. When they are, the "
        "night's sleep time would be negative, so it is not computed; check the minutes and "
        "the times.",
        '==> 2026-11-20-sleep.md <==\n---\ntype: sleep\ndate: 2026-11-20\nbedtime: "23:00"\n'
        'lights_out: "23:00"\nminutes_to_sleep: 300\nminutes_awake: 300\n'
        'final_wake: "06:00"\nout_of_bed: "06:30"\n---\n',
        '==> 2026-11-20-sleep.md <==\n---\ntype: sleep\ndate: 2026-11-20\nbedtime: "23:00"\n'
        'lights_out: "23:00"\nminutes_to_sleep: 30\nminutes_awake: 30\n'
        'final_wake: "06:00"\nout_of_bed: "06:30"\n---\n',
    ),
    "IM212": CodeDoc(
        "A homework runs from the day after it was assigned to its due day. A due date "
        "before the assigned date leaves no days to do it in, so what was expected cannot be "
        "counted; usually one of the two dates is a typo.",
        "==> 2026-11-18-thought-records.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Two thought records\nfrequency: 2/week\ndue: 2026-11-11\n---\n",
        "==> 2026-11-18-thought-records.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Two thought records\nfrequency: 2/week\ndue: 2026-11-25\n---\n",
    ),
    "IM213": CodeDoc(
        "`total` is optional: interim adds up the items itself. When a written total "
        "disagrees with the items, one of them is wrong, and a questionnaire score matters "
        "too much to guess which; check the answers and the sum.",
        "==> 2026-11-18-phq9.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: phq9\nitems: [2, 1, 2, 1, 1, 0, 1, 1, 0]\ntotal: 12\n---\n",
        "==> 2026-11-18-phq9.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: phq9\nitems: [2, 1, 2, 1, 1, 0, 1, 1, 0]\ntotal: 9\n---\n",
    ),
    "IM214": CodeDoc(
        "Each questionnaire has a fixed number of questions (PHQ-9 has 9, GAD-7 has 7), "
        "written in order as `items`. With too few or too many answers interim cannot tell "
        "which is which, so it gives no score; write `null` for a question left unanswered.",
        "==> 2026-11-18-gad7.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: gad7\nitems: [2, 2, 1, 1, 1, 0]\n---\n",
        "==> 2026-11-18-gad7.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: gad7\nitems: [2, 2, 1, 1, 1, 0, 1]\n---\n",
    ),
    "IM215": CodeDoc(
        "interim scores the questionnaires it knows: PHQ-9 and GAD-7, however they are "
        "written (`PHQ-9`, `phq9`). For another name it cannot know the number of items, "
        "their range or the severity bands, so the questionnaire is not scored.",
        "==> 2026-11-18-bdi.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: bdi-ii\nitems: [1, 2, 0]\n---\n",
        "==> 2026-11-18-gad7.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: GAD-7\nitems: [2, 2, 1, 1, 1, 0, 1]\n---\n",
    ),
    "IM216": CodeDoc(
        "A homework's frequency says how many times it was expected, so the report can show "
        "done against expected. interim understands `once`, `daily`, `weekdays`, `N/week` "
        'and `N/day`; for other words ("most days") it cannot count what was expected.',
        "==> 2026-11-18-worry-time.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Worry time\nfrequency: most days\n---\n",
        "==> 2026-11-18-worry-time.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Worry time\nfrequency: 5/week\n---\n",
    ),
    "IM217": CodeDoc(
        "Thinking traps are counted across thought records, which works best with one name "
        "for each: the ten from Burns' list (with their usual variants). Another name is "
        "kept as you wrote it, but it is counted on its own; use a listed name if one fits.",
        "==> 2026-11-20-thought-record.md <==\n---\ntype: thought-record\ndate: 2026-11-20\n"
        "thinking_traps: [mind-reading, doom-thinking]\n---\n",
        "==> 2026-11-20-thought-record.md <==\n---\ntype: thought-record\ndate: 2026-11-20\n"
        "thinking_traps: [mind-reading, catastrophizing]\n---\n",
    ),
    "IM218": CodeDoc(
        "A homework's `track:` says which records count as doing it: a type name, or a "
        "type with a tag or skill. A type that does not exist matches no records, so only "
        "entries that name the homework in their own `homework:` line are counted as done.",
        "==> 2026-11-18-mood-diary.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Mood diary\nfrequency: daily\ntrack: moods\n---\n",
        "==> 2026-11-18-mood-diary.md <==\n---\ntype: homework\ndate: 2026-11-18\n"
        "title: Mood diary\nfrequency: daily\ntrack: mood\n---\n",
    ),
    "IM219": CodeDoc(
        "A questionnaire with an unanswered question (`null`) has no total: interim never "
        "fills in a missing answer. It is shown in the report as incomplete, with the "
        "questions that are missing. Answer them if you can; otherwise this is only a note.",
        "==> 2026-11-18-phq9.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: phq9\nitems: [2, 1, null, 1, 1, 0, 1, 1, 0]\n---\n",
        "==> 2026-11-18-phq9.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: phq9\nitems: [2, 1, 1, 1, 1, 0, 1, 1, 0]\n---\n",
    ),
    "IM220": CodeDoc(
        "Question 9 of the PHQ-9 asks about thoughts of being better off dead or of hurting "
        "yourself. When it is answered above 0 (or left unanswered), every report opens with "
        "a safety notice and crisis contacts, and `check` lists the same forms as this "
        "notice: copies and files with errors included. This is a notice, not a mistake: it "
        "never changes the result of `interim check`. Nobody monitors these files, so if you "
        "are in danger now, call your local emergency number.",
        "==> 2026-11-18-phq9.md <==\n---\ntype: questionnaire\ndate: 2026-11-18\n"
        "instrument: phq9\nitems: [2, 1, 2, 1, 1, 0, 1, 1, 1]\n---\n",
        "(nothing to fix: the notice is shown as long as the answer is on record)",
    ),
    "IM221": CodeDoc(
        "A record's id (its `id:`, or else its file name without `.md`) is how other "
        "records link to it, for example a review naming its homework. Ids must be usable "
        "as file names on every system, so characters such as `/`, `:` and `?` are refused; "
        "links to this record will not work until the id is changed.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nid: mood/evening\n"
        "mood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nid: mood-evening\n"
        "mood: 4\n---\n",
    ),
    "IM222": CodeDoc(
        "A list field (emotions, barriers, questions...) holds one line of text with commas "
        "in it. YAML reads that as a single item, so `sad, tired` would be counted as one "
        'emotion called "sad, tired". interim keeps it as written and warns; if you meant '
        "separate items, put them in square brackets.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\n"
        "emotions: sad, tired\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\n"
        "emotions: [sad, tired]\n---\n",
    ),
    "IM224": CodeDoc(
        "Some lists hold short labels, one each: a mood's emotions, a thought record's "
        "emotions and thinking traps, every record's tags (the type marks them `labels: "
        "true`). An item with a comma in it, such as `- sad, tired`, is one label called "
        '"sad, tired" to YAML, counted apart from "sad" and "tired". interim keeps it as '
        "written and warns; write one label per item. Lists of sentences, such as a thought "
        "record's evidence, are never warned about: there a comma is part of the text.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n"
        "emotions:\n  - sad, tired\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n"
        "emotions:\n  - sad\n  - tired\n---\n",
    ),
    # -- IM3xx: across records --------------------------------------------------------------
    "IM223": CodeDoc(
        "In YAML, a space followed by `#` starts a comment, which is thrown away: "
        '`hot_thought: I am worthless #always` is stored as "I am worthless". interim warns '
        "at the `#`, so no words are lost in silence; quote the whole value to keep them. "
        "(The hints `interim new` writes after a value are comments on purpose: no warning.)",
        "==> 2026-11-20-thought.md <==\n---\ntype: thought-record\ndate: 2026-11-20\n"
        "hot_thought: I am worthless #always\n---\n",
        "==> 2026-11-20-thought.md <==\n---\ntype: thought-record\ndate: 2026-11-20\n"
        'hot_thought: "I am worthless #always"\n---\n',
    ),
    "IM225": CodeDoc(
        "A date before 1900, or more than a year after the report date, is almost always a "
        "typo (`0026-11-20`, `2062-11-20`). The entry still counts, under the date as "
        "written, so check the year.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 1026-11-20\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
}
