"""Fill Thai translations into a catalog: `python dev/translate.py PO_FILE TRANSLATIONS_JSON`.

The JSON maps msgid -> msgstr. Entries already translated are left alone unless --force.
Used after `make i18n-update`, so translations can be reviewed as one JSON file.
"""
import json
import sys

from babel.messages.pofile import read_po, write_po


def main(po_path: str, json_path: str, force: bool = False) -> None:
    with open(po_path, "rb") as f:
        catalog = read_po(f)
    with open(json_path, encoding="utf-8") as f:
        translations = json.load(f)
    for msgid, msgstr in translations.items():
        message = catalog.get(msgid)
        if message is None:
            print(f"not in the catalog (run make i18n-update): {msgid!r}", file=sys.stderr)
            continue
        if force or not message.string:
            message.string = msgstr
    with open(po_path, "wb") as f:
        write_po(f, catalog, omit_header=False, no_location=True, sort_output=True, width=76)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--force" in sys.argv)
