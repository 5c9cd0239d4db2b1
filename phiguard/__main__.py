"""``python -m phiguard``: the command line."""

from phiguard.cli import main

raise SystemExit(main())
