"""The real cross-outlet coverage (../shared/eval/real/crossoutlet/: 230 articles, 56 events, each
reported by 3-5 outlets) as archive records, and how a grouping of it scores against its events.

Shared by the acceptance test (tests/test_stories_real.py) and bench/stories.py.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path

DATA = "eval/real/crossoutlet"


def records(folder: Path, groups: set[str] | None = None):
    """(event, ArchiveRecord) for each article of the manifest, in its order (``groups``: only these events)."""
    from factcheck.ingest.archive import ArchiveRecord

    out = []
    for i, m in enumerate(json.loads((folder / "manifest.json").read_text(encoding="utf-8"))):
        if groups is not None and m["group"] not in groups:
            continue
        # Line 1 is the title, then a blank line, then the body (SOURCES.md).
        title, _, body = (folder / m["file"]).read_text(encoding="utf-8").partition("\n\n")
        out.append((m["group"], ArchiveRecord(line=i + 1, source=m["outlet"], published=datetime.fromisoformat(
            m["published"]), text=body, title=title.strip(), url=m["url"], language="ar")))
    return out


def bcubed(stories: list[list[str]], gold: dict[str, str], with_claims: set[str]) -> dict[str, float]:
    """B-cubed precision and recall per article; and per event, the queue rows it takes: the stories
    holding one of its articles with claims (an article without claims puts nothing in the queue).

    Every article of ``gold`` must be in one of ``stories`` (an article in no story: a story of its own).
    """
    story_of = {a: i for i, s in enumerate(stories) for a in s}
    events: dict[str, set[str]] = defaultdict(set)
    for a, g in gold.items():
        events[g].add(a)
    p = r = 0.0
    for a, g in gold.items():
        mine = set(stories[story_of[a]])
        p += len(mine & events[g]) / len(mine)
        r += len(mine & events[g]) / len(events[g])
    per_event = {g: len({story_of[a] for a in members if a in with_claims}) for g, members in events.items()}
    return {"precision": p / len(gold), "recall": r / len(gold), "stories": len(stories),
            "max_per_event": max(per_event.values()), "mean_per_event": sum(per_event.values()) / len(per_event),
            "per_event": per_event}


def stored_stories(story_of: dict[str, int | None]) -> list[list[str]]:
    """Articles (url -> stored story id, None: no story) as a list of stories, each sorted; an
    article in no story is one of its own."""
    by: dict[object, list[str]] = defaultdict(list)
    for url, sid in story_of.items():
        by[sid if sid is not None else ("alone", url)].append(url)
    return sorted(sorted(v) for v in by.values())
