"""Write docs/schemas/<type>.json from the field declarations (the JSON contract)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jipp_desktop.core.schemas import all_schemas  # noqa: E402


def render(schema: dict[str, object]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    folder = ROOT / "docs" / "schemas"
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in all_schemas().items():
        (folder / f"{name}.json").write_text(render(schema), encoding="utf-8")


if __name__ == "__main__":
    main()
