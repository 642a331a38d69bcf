"""Entry script of the bundled `onethird-cli` (build.spec); same as the `onethird-cli` script."""

import sys

import bundle_start  # noqa: F401  (first: sets up the bundle before matplotlib loads)

from desktop.cli.main import main

sys.exit(main())
