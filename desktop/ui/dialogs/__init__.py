"""Dialogs: they return values; the session writes them."""
