"""Pure rules of the ledger: no Qt, no SQL, "today" always passed in."""
