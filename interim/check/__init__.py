"""Checks that turn what was read into diagnostics, never exceptions: one record against its
type (`validate`), records against each other (`crosscheck`), two files that hold one entry
(`duplicates`, one entry per set of files that hold it) and dates too far from the report
date to be meant (`dates`).
"""
