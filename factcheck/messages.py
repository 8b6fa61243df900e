"""Messages that say what went wrong as a template and its values, not as finished English.

A lower layer (review, reports, the export settings) words its refusals in
English with {named} placeholders: the same text is the key of the Arabic in
factcheck.i18n. Keeping the template and the values apart lets the web layer
translate a message by looking its key up, instead of recognising an English
sentence after the fact; str() is still the English text, for the CLI and logs.

Plain Python: no Flask, no database, so every layer may raise these.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


def N_(text: str) -> str:
    """Marks a word that reaches the interface through a variable (a status, a relation, a
    format's title) for the translation catalog (factcheck/translations): the word itself."""
    return text


@dataclass(frozen=True)
class Message:
    """A message not raised: e.g. one claim a bulk decision had to leave out, or why two claims match.

    A value may itself be a Message (a part worded on its own, translated on its own: "dates
    differ: {mine} vs {theirs}" inside "same event ({pct}% alike); {differ}"), a Spelled name,
    or a list of values, shown joined by the language's comma.
    """

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    # A message about a count has a plural template too, and names the value that is the count:
    # the catalog then holds every plural form of the language (Arabic has six).
    plural: str | None = None
    count: str | None = None

    @classmethod
    def counted(cls, singular: str, plural: str, count: str, params: Mapping[str, Any]) -> Message:
        """"published {days} day apart" / "published {days} days apart", by params[count]."""
        return cls(singular, params, plural, count)

    @property
    def english(self) -> str:
        """The English template for these values (the plural one when the count is not 1)."""
        if self.plural is not None and self.params.get(self.count) != 1:
            return self.plural
        return self.template

    def __str__(self) -> str:
        return self.english.format(**{k: _english(v) for k, v in self.params.items()})

    def to_data(self) -> dict:
        """As JSON-ready data (stored with a match), read back by ``from_data``; no values, no "p"
        (a month's name, "another event": a match row holds a few of these)."""
        out: dict[str, Any] = {"t": self.template}
        if self.params:
            out["p"] = {k: _encode(v) for k, v in self.params.items()}
        if self.plural is not None:
            out["pl"], out["c"] = self.plural, self.count
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        return cls(data["t"], {k: _decode(v) for k, v in data.get("p", {}).items()}, data.get("pl"), data.get("c"))


# English month abbreviations: what str(Month) gives, and how matches stored before Month
# existed wrote a month ({"t": "Aug"}), read back as a Month.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Month:
    """A month of the year (1-12), a value of a Message: the interface names it in its language
    from CLDR's data (factcheck.i18n), str() gives the English abbreviation ("Aug")."""

    number: int

    def __str__(self) -> str:
        return MONTH_ABBREVIATIONS[self.number - 1]


@dataclass(frozen=True)
class Spelled:
    """A name as each language writes it ({"en": "Homs", "ar": "حمص"}), a value of a Message:
    the interface shows its own language's spelling, str() the English one."""

    forms: Mapping[str, str]

    def __str__(self) -> str:
        return self.forms.get("en") or next(iter(self.forms.values()), "")

    def in_language(self, lang: str) -> str:
        return self.forms.get(lang) or str(self)


def _english(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_english(v)) for v in value)
    return str(value) if isinstance(value, (Message, Spelled, Month)) else value


def _encode(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_data()
    if isinstance(value, Spelled):
        return {"spelled": dict(value.forms)}
    if isinstance(value, Month):
        return {"month": value.number}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "spelled" in value:
            return Spelled(value["spelled"])
        if "month" in value:
            return Month(value["month"])
        if set(value) == {"t"} and value["t"] in MONTH_ABBREVIATIONS:
            return Month(MONTH_ABBREVIATIONS.index(value["t"]) + 1)
        return Message.from_data(value)
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


class Explained(Exception):
    """An error whose text is `template.format(**params)`; the base of the project's user-facing errors.

    Subclasses add the built-in base that callers already catch them by
    (ReviewError is a ValueError, StaleClaim is not), so this base is a plain Exception.
    """

    def __init__(self, template: str, /, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(str(self.message))

    @property
    def template(self) -> str:
        return self.message.template

    @property
    def params(self) -> Mapping[str, Any]:
        return self.message.params

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self):
        # Exception's default pickling calls cls(*args) with the finished English
        # text, which is neither a template (braces) nor every subclass's signature.
        return _rebuild, (type(self), self.message), self.__dict__


def _rebuild(cls: type[Explained], message: Message) -> Explained:
    err = cls.__new__(cls)
    Explained.__init__(err, message.template, **message.params)
    return err
