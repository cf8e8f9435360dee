"""Reading a folder's files, before any meaning is given to them: which files are records
(`discover`, with what names alone say in `filenames`), their bytes decoded and split into
front matter and body (`frontmatter`, the YAML in `yaml/`), a form's risk answers found in a
file that cannot be read (`salvage`), each file's result kept between runs (`cache`), and
many files read in forked processes (`parallel`).

Nothing here knows record types, checks, settings, summaries or reports.
"""
