"""IM9xx explained: settings, types and templates."""

from __future__ import annotations

from interim.diagnostics.explain.codedoc import CodeDoc

SETTINGS: dict[str, CodeDoc] = {
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
    "IM912": CodeDoc(
        "A file in `types/` whose first key is `measure:` defines a questionnaire in "
        "interim's measure language (docs/measures.md): its items with their wording and "
        "answers, its bands, cut-off and reliable change (or `none published`), its risk "
        "items, and where it comes from and who may use it. A definition with a mistake is "
        "not used at all, since it would score forms wrongly: its forms are then reported "
        "as of an unknown questionnaire. A measure may take a built-in's name only if its "
        "risk answers include all of the built-in's, so no folder can weaken the safety "
        "notice.",
        "==> types/epds.yaml <==\n"
        "measure: epds\nname: EPDS\ntitle: Edinburgh Postnatal Depression Scale\n"
        "citation: Cox, Holden & Sagovsky 1987\nlicence: with the publisher's permission\n"
        "use: the clinician holding it\nanswers: {0: no, 1: yes}\nitems: [first, second]\n"
        "bands: {0-1: low}\n",
        "==> types/epds.yaml <==\n"
        "measure: epds\nname: EPDS\ntitle: Edinburgh Postnatal Depression Scale\n"
        "citation: Cox, Holden & Sagovsky 1987\nlicence: with the publisher's permission\n"
        "use: the clinician holding it\nanswers: {0: no, 1: yes}\nitems: [first, second]\n"
        "bands: {0-2: low}\n",
    ),
    "IM913": CodeDoc(
        "A measure in `types/` has the name of a built-in measure, so it replaces it for "
        "every form in the folder (its risk answers include all of the built-in's, or it "
        "would be refused). That may be what you want, so it is a warning; if you meant a "
        "new measure, give it its own name.",
        "==> types/gad7.yaml <==\n"
        "measure: gad7\nname: GAD-7\ntitle: GAD-7, the folder's copy\ncitation: Spitzer et al. 2006\n"
        "licence: No permission required\nuse: anyone\nanswers: [no, some, more, most]\n"
        "items: [a, b, c, d, e, f, g]\nbands: {0-4: minimal, 5-9: mild, 10-14: moderate, "
        "15-21: severe}\n",
        "==> types/my-gad7.yaml <==\n"
        "measure: my-gad7\nname: GAD-7\ntitle: GAD-7, the folder's copy\ncitation: Spitzer et al. 2006\n"
        "licence: No permission required\nuse: anyone\nanswers: [no, some, more, most]\n"
        "items: [a, b, c, d, e, f, g]\nbands: {0-4: minimal, 5-9: mild, 10-14: moderate, "
        "15-21: severe}\n",
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
