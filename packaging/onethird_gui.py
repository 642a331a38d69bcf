"""Entry script of the bundled `onethird` window (build.spec); same as the `onethird` gui-script."""

import sys

import bundle_start  # noqa: F401  (first: sets up the bundle before Qt and matplotlib load)

from desktop.ui.app import main

sys.exit(main())
