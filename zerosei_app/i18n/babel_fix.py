"""Babel 2.18 leaks one locale's data into the others; this keeps every locale's own.

`LocaleDataDict.__getitem__` stores the resolved value of an alias back into the dict it read,
and a locale's nested dicts are shared with its parent (`load()` copies only the top level). So
once Chinese has asked for a stand-alone month name ("三月"), Italian, Spanish, French… get it too
(root's stand-alone months are an alias to the format ones, resolved against the asking locale).
Nine languages in one process made this visible; without the write-back each lookup resolves
against its own locale (a few microseconds; our own callers cache the results).
"""

from __future__ import annotations

from typing import Any

from babel.localedata import Alias, LocaleDataDict, merge


def _getitem(self: LocaleDataDict, key: str | int | None) -> Any:
    val = self._data[key]
    if isinstance(val, Alias):
        val = val.resolve(self.base)
    if isinstance(val, tuple):  # a partial dict merged with an alias
        alias, others = val
        val = alias.resolve(self.base).copy()
        merge(val, others)
    if isinstance(val, dict):
        val = LocaleDataDict(val, base=self.base)
    return val


def apply() -> None:
    LocaleDataDict.__getitem__ = _getitem  # type: ignore[method-assign]
