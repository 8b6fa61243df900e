"""Getting articles in: feeds.yaml, HTTP fetching, feed parsing, sanitising (no Flask)."""
