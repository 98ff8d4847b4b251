"""Complete jipp_en.ts from the English source strings (run by update_translations.sh).

Source strings are English, so the English catalogue only has to say so: every
entry gets its own source text, and plural entries written as ``%n record(s)`` get
proper singular and plural forms ("1 record", "3 records").  Entries someone has
already translated by hand are left alone.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLURAL = re.compile(r"(\w+)\(s\)")


def english_forms(source: str) -> tuple[str, str]:
    return PLURAL.sub(r"\1", source), PLURAL.sub(r"\1s", source)


def fill(path: Path) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
        del translation.attrib["type"]
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/jipp_en.ts")
    print(f"{target}: {fill(target)} entries completed")
