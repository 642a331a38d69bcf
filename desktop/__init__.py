"""OneThird (三分之一招商台账): investment-promotion effort ledger."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("onethird")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
