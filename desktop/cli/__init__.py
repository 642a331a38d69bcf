"""onethird-cli: the ledger without a screen, for batch use and tests (no Qt on this path)."""
