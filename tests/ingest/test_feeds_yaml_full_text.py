"""feeds.yaml's full_text and tag: validated at their line, synced onto the feed."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.ingest.feeds_yaml import FeedsFileError, load_feeds_file
from factcheck.store.models import Feed
from factcheck.store.polling import sync_feeds


def test_full_text_other_than_auto_always_never_names_its_line(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text("- name: A\n  url: https://a.example/feed\n  full_text: sometimes\n")
    with pytest.raises(FeedsFileError, match=r"feeds.yaml:3: 'full_text' must be one of auto, always, never"):
        load_feeds_file(path)


def test_full_text_and_tag_reach_the_feed_and_auto_is_the_default(tmp_path, factory):
    path = tmp_path / "feeds.yaml"
    path.write_text("- {name: A, url: 'https://a.example/feed', full_text: never, tag: Syria}\n"
                    "- {name: B, url: 'https://b.example/feed'}\n")
    with transaction(factory) as s:
        sync_feeds(s, load_feeds_file(path))
    with factory() as s:
        feeds = {f.name: (f.full_text, f.tag) for f in s.scalars(select(Feed))}
    assert feeds == {"A": ("never", "Syria"), "B": ("auto", None)}
