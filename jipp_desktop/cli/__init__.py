"""The ``jipp-desktop`` command line: a thin face over the core services."""
