"""File-based sync: signed .jipp packages merged field by field (docs/sync-format.md).

Qt-free: the GUI page, the command line and the tests call the same functions.
"""
