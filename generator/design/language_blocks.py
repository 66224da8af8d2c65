"""Data with one block per language (``kk:``, ``ru:`` … inside an activity or a literature entry).

The languages are the registry's (:mod:`generator.languages`), never a list in code: the dataclass a file is
parsed into gets one optional field per registered language code, so a block of an unknown language is an
"unknown key" with its file and line, and a pack added later (a third language) is read the same way.
Blocks are required for the built-in packs' languages; a pack without its own block reads the block of the
pack it falls back on (``pack.yaml`` ``fallback:``).
"""
from __future__ import annotations

import dataclasses
import functools
from typing import Any, Mapping, Optional

from generator.languages import LanguagePack, builtin_codes, data_chain


def language_chains(packs: Mapping[str, LanguagePack]) -> dict[str, tuple[str, ...]]:
    """For every language, the languages whose blocks stand in for it, its own first."""
    return {code: tuple(pack.code for pack in data_chain(code, dict(packs))) for code in packs}


def required_languages(packs: Mapping[str, LanguagePack]) -> tuple[str, ...]:
    """The languages every entry must have a block of: the built-in packs' (and a pack with no fallback)."""
    builtin = set(builtin_codes())
    return tuple(code for code, pack in packs.items() if code in builtin or not pack.fallback)


@functools.lru_cache(maxsize=None)
def _with_languages(base: type, codes: tuple[str, ...], block: Any) -> type:
    fields = [(code, Optional[block], dataclasses.field(default=None)) for code in codes]
    cls = dataclasses.make_dataclass(base.__name__, fields, bases=(base,))
    cls.__module__ = base.__module__
    cls.__doc__ = base.__doc__
    return cls


def with_languages(base: type, packs: Mapping[str, LanguagePack], block: Any) -> type:
    """A dataclass like ``base`` with one optional ``block`` field per registered language code.

    The class also knows the languages: ``languages`` (codes), ``required`` (codes whose block every entry
    needs), ``chains`` (code → the codes read in order) and ``packs``.
    """
    cls = _with_languages(base, tuple(packs), block)
    cls.languages = tuple(packs)
    cls.required = required_languages(packs)
    cls.chains = language_chains(packs)
    cls.packs = dict(packs)
    return cls


def block_of(entry: Any, lang: str) -> Any:
    """The block of ``lang`` in ``entry``, or of the first language it falls back on that has one."""
    for code in getattr(type(entry), "chains", {}).get(lang, ()):
        value = getattr(entry, code, None)
        if value is not None:
            return value
    return None


__all__ = ["block_of", "language_chains", "required_languages", "with_languages"]
