"""What both bundled programs do before anything else (imported first by their entry scripts).

PyInstaller's run-time hook for matplotlib points MPLCONFIGDIR at a new temporary folder on
every start, so matplotlib would scan all the system's fonts again each time (seconds on a Windows
PC with hundreds of fonts) before the first chart or report. Its font list goes to our cache
folder instead, as it does for matplotlib outside a bundle.
"""

import os

from desktop import paths

os.environ["MPLCONFIGDIR"] = str(paths.cache_dir() / "matplotlib")
