"""Fill translations into a Qt Linguist ``.ts`` file from a JSON mapping.

Usage: ``python tools/i18n_fill.py i18n/sg_nr_plugin_zh_CN.ts translations.json``
where the JSON maps English source strings to their translation. Entries already translated
are overwritten only when the mapping names them; ``--list`` prints the unfinished sources.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET


def unfinished(tree: ET.ElementTree) -> list[str]:
    out = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            out.append(message.findtext("source") or "")
    return out


def fill(tree: ET.ElementTree, mapping: dict[str, str]) -> int:
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in mapping and translation is not None:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ts")
    parser.add_argument("mapping", nargs="?")
    parser.add_argument("--list", action="store_true", help="print unfinished source strings")
    args = parser.parse_args()
    tree = ET.parse(args.ts)
    if args.list:
        json.dump({s: "" for s in unfinished(tree)}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    with open(args.mapping, encoding="utf-8") as handle:
        mapping = json.load(handle)
    count = fill(tree, mapping)
    ET.indent(tree)
    with open(args.ts, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    print(f"{count} translations set; {len(unfinished(tree))} still unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
