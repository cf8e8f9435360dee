"""What each diagnostic code means, for people: an explanation and a bad and a good example.

Kept apart from the registry (`interim.codes`) so that making a diagnostic stays light;
`python -m interim.docgen` turns both into `docs/diagnostics.md`, and tests check that every
code has its entry and that every example does what it says.

An example is either a few words describing a file that cannot be shown as text (a pipe, a
link, a file in the wrong encoding), or one or more files, each introduced by a line
`==> PATH <==` (the `head` convention) and followed by its exact content. File examples are
run through `interim check` by the tests: the bad one must report the code, the good one
must report nothing at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeDoc:
    explanation: str  # 2–4 sentences: why it matters, what interim does with the file
    bad: str  # an example that makes interim report the code
    good: str  # the same example, fixed


_HEADER = re.compile(r"==> (.+) <==\Z")


def example_files(example: str) -> dict[str, str] | None:
    """The files of an example (path → content), or None when it is a description."""
    lines = example.splitlines(keepends=True)
    if not lines or not _HEADER.match(lines[0].rstrip("\n")):
        return None
    files: dict[str, str] = {}
    path = ""
    for line in lines:
        m = _HEADER.match(line.rstrip("\n"))
        if m:
            path = m[1]
            files[path] = ""
        else:
            files[path] += line
    return files


def _mood(path: str = "2026-11-20-mood.md", time: str = "21:30", anxiety: int = 7) -> str:
    """A mood record under its `==> path <==` header."""
    return (
        f'==> {path} <==\n---\ntype: mood\ndate: 2026-11-20\ntime: "{time}"\nmood: 4\n'
        f"anxiety: {anxiety}\n---\n"
    )


DOCS: dict[str, CodeDoc] = {
    # -- IM1xx: files, encodings, front matter and YAML -------------------------------------
    "IM100": CodeDoc(
        "interim could not open the file: the system refused (permissions), or the disk or "
        "cloud drive reported an error. The file is skipped and nothing in it is counted; "
        "every other file is still checked.",
        "2026-11-20-mood.md, with permissions that do not let you read it (chmod 000)",
        "2026-11-20-mood.md, readable by you (chmod u+r 2026-11-20-mood.md)",
    ),
    "IM101": CodeDoc(
        "A Markdown file with no front matter is not a record: interim lists it once and "
        "otherwise leaves it alone. That is fine for handouts, a README or notes to self. "
        "If the file was meant to be a record, add the front matter and it will be counted.",
        "==> worry-time.md <==\n# Worry time\n\nSet aside 15 minutes a day.\n",
        "==> worry-time.md <==\n---\ntype: note\ndate: 2026-11-20\ntitle: Worry time\n---\n"
        "Set aside 15 minutes a day.\n",
    ),
    "IM102": CodeDoc(
        "Records must be saved as UTF-8 text. Older Windows editors save in Windows-1252, "
        "where letters such as é or a curly apostrophe are bytes that UTF-8 does not allow. "
        "interim does not guess what they meant, so the file is not read; the message points "
        "at the first such byte.",
        "2026-11-20-mood.md saved in Notepad as ANSI, with situation: Couldn’t sleep",
        "the same file saved again with Save As, Encoding: UTF-8",
    ),
    "IM103": CodeDoc(
        "Some Windows programs save text as UTF-16. interim reads it, so nothing is lost, "
        "but other tools (git, sync clients, phone editors) often show such files as "
        "binary. Saving the file as UTF-8 makes it safe everywhere.",
        "2026-11-20-mood.md saved as Unicode (UTF-16 LE) in Notepad",
        "the same file saved again with Encoding: UTF-8",
    ),
    "IM104": CodeDoc(
        "The front matter starts with `---` on line 1 and ends at the next line that is "
        "exactly `---`. Without that closing line interim cannot tell where the keys stop and "
        "your text begins, so it reads nothing from the file rather than guessing.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n\nA hard day.\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n"
        "A hard day.\n",
    ),
    "IM105": CodeDoc(
        "Something at the top of the file looks like front matter but is not quite: a blank "
        "line before `---`, four dashes, TOML's `+++`, or keys with no `---` around them. "
        "interim says so instead of quietly treating the file as a note without a type, "
        "and does not count it until it is fixed.",
        "==> 2026-11-20-mood.md <==\n\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM106": CodeDoc(
        "Lines such as `<<<<<<<`, `=======` and `>>>>>>>` are left behind when git (or a "
        "sync tool) merged two versions of the file and could not decide between them. Both "
        "versions are still in the file. When the markers are in the front matter nothing "
        "is read from it; keep the right lines and delete the markers.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\n<<<<<<< HEAD\n"
        "mood: 4\n=======\nmood: 5\n>>>>>>> phone\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 5\n---\n",
    ),
    "IM107": CodeDoc(
        "The lines between the two `---` lines are YAML, which has a few rules: one "
        "`key: value` per line, spaces (not tabs) for indentation, and quotes around text "
        "that contains `: ` or starts with a special character. interim cannot read the "
        "record until the line it points at follows them.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n"
        "situation: Work: the audit meeting\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n"
        'situation: "Work: the audit meeting"\n---\n',
    ),
    "IM108": CodeDoc(
        "A key written twice leaves it unclear which value you meant (often one line was "
        "edited on the phone and one on the computer). interim keeps the first and ignores "
        "the second, and reports both line numbers so you can choose.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\nmood: 5\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 5\n---\n",
    ),
    "IM109": CodeDoc(
        "YAML lets one value be named (`&name`) and repeated elsewhere (`*name`). In a "
        "record that hides what a field really holds, and a few lines of aliases can expand "
        "into millions, so interim refuses them and reads nothing from the front matter.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: &m 4\n"
        "anxiety: *m\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\nanxiety: 4\n---\n",
    ),
    "IM110": CodeDoc(
        "A YAML tag such as `!!int`, `!!str` or `!!python/object` tells a YAML reader how "
        "to build a value; in other programs some tags can even run code. interim reads "
        "each value by its field's kind instead, so tags are never needed and are refused.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: !!int 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM111": CodeDoc(
        "Front matter is a handful of short lines; no record type goes deeper than three "
        "levels. A front matter that is huge or nested very deep is almost certainly pasted "
        "or generated by mistake, and interim stops before reading it so that one such file "
        "cannot slow down or crash a check. Long text belongs in the body, below `---`.",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nemotions: "
        + "[" * 25
        + "sad"
        + "]" * 25
        + "\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nemotions: [sad]\n---\n",
    ),
    "IM112": CodeDoc(
        "A record is a few kilobytes of text; a much bigger `.md` file is usually a pasted "
        "export or an attachment that ended up in the folder. interim does not read files "
        "above the size cap (1 MiB unless `files: max_size:` in interim.yaml says "
        "otherwise), so one huge file cannot slow down every check.",
        "export.md, 30 MB, in a folder with the default cap of 1 MiB",
        "export.md moved out of the folder, or interim.yaml with files: and "
        "max_size: 33554432 if it really is a record",
    ),
    "IM113": CodeDoc(
        "The front matter must be a set of `key: value` lines. A list (lines starting with "
        "`- `) or a single line of text has no keys, so interim cannot find the record's "
        "type or fields and reads nothing from it.",
        "==> 2026-11-20-mood.md <==\n---\n- type: mood\n- date: 2026-11-20\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\n---\n",
    ),
    "IM114": CodeDoc(
        "The file holds binary data (such as a picture or a document saved with the wrong "
        "name), not text. interim does not read it; records must be plain text files.",
        "photo.md, a PNG picture renamed to .md",
        "photo.png kept outside the records folder (or linked from a record's text)",
    ),
    "IM115": CodeDoc(
        "The name ends in `.md` but it is not an ordinary file: it is a named pipe, a "
        "socket or a device. Opening one can wait forever, so interim does not open it and "
        "goes on with the other files.",
        "2026-11-20-mood.md, a named pipe made with mkfifo",
        "2026-11-20-mood.md, an ordinary file",
    ),
    "IM116": CodeDoc(
        "interim never follows symbolic links: a link can point outside the folder, make "
        "one file count twice, or loop forever. The link is reported and not read; the file "
        "it points to is read only if it is itself inside the folder.",
        "latest.md, a symbolic link to 2026-11-20-mood.md",
        "no link: 2026-11-20-mood.md is the only copy, in the folder itself",
    ),
    "IM117": CodeDoc(
        "interim reads records from `.md` and `.markdown` files. A file that looks meant as "
        "a record — a text file of another extension (`.txt`, `.md.txt`, `.mkd`) that starts "
        "like one, has a `type:` line or a date in its name, or a `.md` file with a date in "
        "its name but no front matter — is not counted, and this says so, so nothing is left "
        "out in silence. (The safety notice still reads it.)",
        "==> 2026-11-20-mood.txt <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM118": CodeDoc(
        "Phone keyboards and word processors turn `---` into a long dash (—) as you type "
        '("smart punctuation"). A front matter opened and closed by such lines is read all '
        "the same, with this warning: other tools will not read it, so make both lines three "
        "hyphens again and turn smart dashes off.",
        "==> 2026-11-20-mood.md <==\n\u2014\ntype: mood\ndate: 2026-11-20\nmood: 4\n\u2014\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM119": CodeDoc(
        "A byte-order mark is an invisible character some editors put at the very start of "
        "a file; one is fine. Copying text between editors can leave two or more, which "
        "hides the `---` from other tools. interim reads the file all the same and warns.",
        "==> 2026-11-20-mood.md <==\n\ufeff\ufeff---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
        "==> 2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
    "IM120": CodeDoc(
        "When two devices change a file at the same time, sync clients (Dropbox, Nextcloud, "
        "Syncthing, Resilio, Google Drive) or git keep both versions under a name like this "
        "one; editors and people leave backups (`mood.md.bak`). interim does not count the "
        "copy, so an entry is never counted twice, but its safety answers still reach the "
        "safety notice. Compare it with the original, keep what you need there, then delete "
        "the copy.",
        _mood() + _mood("2026-11-20-mood.sync-conflict-20261120-213512-ABCDEF7.md", anxiety=6),
        _mood(),
    ),
    "IM121": CodeDoc(
        "Names like `mood 2.md` (iCloud), `mood (1).md` (Google Drive), `mood-LAPTOP.md` "
        "(OneDrive), `mood copy.md` (Finder) or `mood - Copy.md` (Windows) next to `mood.md` "
        "may be copies, but a person could also choose them. interim still reads the file "
        "as a record; it is left out only when it holds the same entry as another file "
        "(IM306). Renaming it stops the warning.",
        _mood() + _mood("2026-11-20-mood 2.md", time="22:45"),
        _mood() + _mood("2026-11-20-mood-evening.md", time="22:45"),
    ),
    "IM122": CodeDoc(
        "iCloud Drive can keep a file in the cloud and leave only a small placeholder "
        "(`.name.md.icloud`) on this computer. There is nothing to read until the file is "
        "downloaded, so the record is missing from this check; open it in Finder or Files to "
        "download it.",
        "==> .2026-11-20-mood.md.icloud <==\n(an iCloud placeholder)\n",
        _mood(),
    ),
    "IM123": CodeDoc(
        "Two names in one folder differ only in upper and lower case (`Mood.md`, "
        "`mood.md`) or in how an accented letter is stored (é as one character or as e plus "
        "an accent). Windows and macOS treat them as one name, so syncing there can "
        "overwrite one file with the other. interim reads both; rename one.",
        "Mood.md and mood.md in the same folder",
        "mood-morning.md and mood-evening.md",
    ),
    "IM124": CodeDoc(
        "Windows cannot hold some names that Linux and macOS allow: names with "
        '`< > : " | ? *` or `\\`, names ending in a dot or a space, and device names such as '
        "`CON`, `PRN`, `AUX`, `NUL`, `COM1` or `LPT1`. interim reads the file, but a sync "
        "to a Windows computer would fail or skip it.",
        "==> CON.md <==\n---\ntype: note\ndate: 2026-11-20\ntitle: Contacts\n---\n",
        "==> contacts.md <==\n---\ntype: note\ndate: 2026-11-20\ntitle: Contacts\n---\n",
    ),
    # -- IM2xx: fields ----------------------------------------------------------------------
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
        "shows it as missing. Fill it in, or delete the line if it does not apply.",
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
        _mood() + _mood("evening.md"),
        _mood(),
    ),
    # -- IM9xx: settings, types and templates -----------------------------------------------
    "IM901": CodeDoc(
        "`interim.yaml` holds the folder's settings; every setting has a default, so the "
        "file is optional. A setting with an invalid value would change every report "
        "silently, so interim stops (exit code 2) and points at the line to fix.",
        "==> interim.yaml <==\ncheckin:\n  day: sundy\n",
        "==> interim.yaml <==\ncheckin:\n  day: sunday\n",
    ),
    "IM902": CodeDoc(
        "`interim.yaml` has a key interim does not know, usually a typo of one it does. "
        "The key is ignored, so the setting you meant keeps its default. `interim init` "
        "writes a commented list of every setting.",
        "==> interim.yaml <==\nnmae: Sam R.\n",
        "==> interim.yaml <==\nname: Sam R.\n",
    ),
    "IM910": CodeDoc(
        "A file in `types/` defines a record type of your own in interim's field language: "
        "a name and fields, each with a `kind` and a one-line `description`. A field whose "
        "kind interim does not know is left out of the type (records then get an "
        "unknown-field warning for it); a type without `fields:` is not used at all.",
        "==> types/urge.yaml <==\nname: urge\nfields:\n  acted_on:\n    kind: yes-no\n"
        "    description: Did you act on the urge?\n",
        "==> types/urge.yaml <==\nname: urge\nfields:\n  acted_on:\n    kind: boolean\n"
        "    description: Did you act on the urge?\n",
    ),
    "IM911": CodeDoc(
        "A type in `types/` has the name of a built-in type, so it replaces it for every "
        "record in the folder. That may be what you want (a clinician's own version), so it "
        "is a warning; if you meant a new type, give it its own name.",
        "==> types/note.yaml <==\nname: note\ndescription: A journal entry.\nfields:\n"
        "  title:\n    kind: text\n    description: A title for the entry.\n",
        "==> types/journal.yaml <==\nname: journal\ndescription: A journal entry.\nfields:\n"
        "  title:\n    kind: text\n    description: A title for the entry.\n",
    ),
    "IM920": CodeDoc(
        "Reports are drawn from templates: interim's own, or yours in `templates/`. A "
        "template that cannot be found or has a mistake would give a broken report, so "
        "interim writes nothing and stops with exit code 2, naming the template and line.",
        "templates/report.html.j2 with an unclosed {% block %}",
        "templates/report.html.j2 with every {% block %} closed by {% endblock %}",
    ),
    "IM921": CodeDoc(
        "An HTML report applies one style sheet: interim's, with your folder's "
        "`templates/report.css` in a layer of its own. The report's Content-Security-Policy "
        "names that sheet by its hash, so a browser ignores every other `<style>` and every "
        "`style=` attribute a template writes, and no template style can hide the safety "
        "notice. The report is still written (exit 0); the warning says where CSS goes.",
        "{% block header %}<style>h1 { color: teal }</style>{{ super() }}{% endblock %} "
        "in templates/report.html.j2",
        "h1 { color: teal } in templates/report.css",
    ),
}
