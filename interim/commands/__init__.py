"""The library side of each command, one module per command (after mkdocs' `commands/`):
what `check` prints (`check`), `init`, `new` and the questions it asks in a terminal
(`prompts`), `report` (choose the format, build the context, render), `todo`, `remind`,
`types` and `watch` (what a rebuild is). The command line (`interim.cli`) turns options into
these calls and prints what they return; nothing here imports click.
"""
