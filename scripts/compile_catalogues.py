"""Compile the message catalogues: each ``src/iop_rules/locale/<lang>/LC_MESSAGES/iop_rules.po`` into the
``iop_rules.json`` beside it (Babel's ``.mo`` as gettext reads it, written as JSON: the form
``iop_rules.catalogue`` reads at start).

    python scripts/compile_catalogues.py           # write every compiled catalogue
    python scripts/compile_catalogues.py --check   # exit 1 if one is missing or says other than its .po

Run it after editing a ``.po``; ``tests/test_catalogue.py`` fails while a compiled catalogue is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
# The sources, not an installed copy: the package reads the catalogues this script writes.
sys.path.insert(0, str(SRC))

from iop_rules.catalogue import DOMAIN, LANGS, compile_catalogue  # noqa: E402

LOCALE = SRC / "iop_rules" / "locale"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only check that every compiled catalogue matches its .po")
    args = parser.parse_args(argv)
    stale = []
    for lang in LANGS:
        folder = LOCALE / lang / "LC_MESSAGES"
        compiled = compile_catalogue(lang, (folder / f"{DOMAIN}.po").read_bytes())
        target = folder / f"{DOMAIN}.json"
        if target.exists() and target.read_text(encoding="utf-8") == compiled:
            continue
        if args.check:
            stale.append(str(target))
        else:
            target.write_text(compiled, encoding="utf-8")
            print(f"wrote {target}")
    if stale:
        print("stale: " + ", ".join(stale) + " (run python scripts/compile_catalogues.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
