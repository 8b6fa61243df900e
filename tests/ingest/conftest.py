"""Fixtures for the fetch/parse layer: a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import pytest

from tests.support.feedserver import FeedServer


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server
