"""``python -m iop_rules.schemas``: regenerate the shipped schema files."""

from . import main

raise SystemExit(main())
