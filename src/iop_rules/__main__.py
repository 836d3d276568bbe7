"""``python -m iop_rules``: the same as the ``iop-rules`` command."""

from .cli import main

raise SystemExit(main())
