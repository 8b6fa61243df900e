"""jsonify through orjson: the API's pages are 50 claims with their matches and decisions (~55 KB),
and the standard library's encoder spent about 0.9 ms of CPU on each, a fifth of a page's time
(`bench/web.py --api`). The same JSON as Flask's provider gives, keys sorted; Arabic is written
as UTF-8 instead of \\u escapes (a third of the bytes). Dates and dataclasses still go through
Flask's own conversion (an HTTP date, asdict), so no answer changes shape.
"""
from __future__ import annotations

import orjson
from flask.json.provider import DefaultJSONProvider

_OPTIONS = (orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE
            | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS)


class OrjsonProvider(DefaultJSONProvider):
    def response(self, *args, **kwargs):
        if self.compact is False or (self.compact is None and self._app.debug):
            return super().response(*args, **kwargs)  # indented for a person reading it
        obj = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(orjson.dumps(obj, default=self.default, option=_OPTIONS),
                                        mimetype=self.mimetype)
