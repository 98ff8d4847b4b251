"""The Qt-free core: domain models, storage, validation, audit and search."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

_DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


class _PeeweeWithoutPsycopg:
    """peewee imports psycopg when it is installed (~0.1-0.2 s of every start, most of
    the core's import); only a ministry workstation on PostgreSQL uses it, and
    ``engine_postgresql.driver`` hands it to peewee then. A finder rather than an
    import here, so that importing the core's light modules (errors) loads no peewee."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != "peewee":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(fullname, path)
        loader = spec.loader if spec is not None else None
        if loader is None:
            return spec
        exec_module = loader.exec_module

        def without_drivers(module: ModuleType) -> None:
            hidden = [name for name in _DRIVERS if name not in sys.modules]
            for name in hidden:
                sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
            try:
                exec_module(module)
            finally:
                for name in hidden:
                    sys.modules.pop(name, None)

        loader.exec_module = without_drivers  # type: ignore[method-assign]
        return spec


if "peewee" not in sys.modules:
    sys.meta_path.insert(0, _PeeweeWithoutPsycopg())
