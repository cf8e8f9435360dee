"""IM1xx explained: files, encodings, front matter and YAML."""

from __future__ import annotations

from interim.diagnostics.explain.codedoc import CodeDoc, mood_example

FILES: dict[str, CodeDoc] = {
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
        mood_example()
        + mood_example("2026-11-20-mood.sync-conflict-20261120-213512-ABCDEF7.md", anxiety=6),
        mood_example(),
    ),
    "IM121": CodeDoc(
        "Names like `mood 2.md` (iCloud), `mood (1).md` (Google Drive), `mood-LAPTOP.md` "
        "(OneDrive), `mood copy.md` (Finder) or `mood - Copy.md` (Windows) next to `mood.md` "
        "may be copies, but a person could also choose them. interim still reads the file "
        "as a record; it is left out only when it holds the same entry as another file "
        "(IM306). Renaming it stops the warning.",
        mood_example() + mood_example("2026-11-20-mood 2.md", time="22:45"),
        mood_example() + mood_example("2026-11-20-mood-evening.md", time="22:45"),
    ),
    "IM122": CodeDoc(
        "iCloud Drive can keep a file in the cloud and leave only a small placeholder "
        "(`.name.md.icloud`) on this computer. There is nothing to read until the file is "
        "downloaded, so the record is missing from this check; open it in Finder or Files to "
        "download it.",
        "==> .2026-11-20-mood.md.icloud <==\n(an iCloud placeholder)\n",
        mood_example(),
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
    "IM125": CodeDoc(
        "The patterns under `files: ignore:` in interim.yaml now follow git's rules, as in a "
        "`.gitignore`: `drafts/*.md` matches files right inside drafts/ and no deeper, "
        "`a/**/b` matches `a/b` too, and `!name` brings a file back. Each file the old "
        "rules counted and the new ones leave out, or the other way round, is named once, "
        "so that nothing changes without a word; this warning goes away in interim 0.2.",
        "==> interim.yaml <==\nfiles:\n  ignore: [drafts/*.md]\n"
        "==> drafts/2026/2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
        "==> interim.yaml <==\nfiles:\n  ignore: [drafts/**/*.md]\n"
        "==> drafts/2026/2026-11-20-mood.md <==\n---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n",
    ),
}
