"""Reports: build a summary from domain objects, then render it to a stream it is given."""
