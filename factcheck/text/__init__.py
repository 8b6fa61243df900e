"""Language-aware text helpers shared by extraction and matching (pure: no DB, no Flask)."""
