"""The clinical model shared by every layer: the record and the loaded folder (`model`), the
measures with their scoring, bands and risk items (`measures`), sleep-diary arithmetic
(`sleep`) and the wording of the questionnaires a person answers (`wording`).

Pure data and arithmetic: no I/O, and nothing from reading, checking, summarising or
rendering.
"""
