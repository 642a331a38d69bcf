"""The only place with SQL: one SQLite file through sqlite-utils, returning domain objects."""
