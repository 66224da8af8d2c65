"""Indexing a standard data file card by card, shared among the build's processes when it is big.

A build must know each card's hash before it can decide what is stale, and it leaves each worker the
card's slice of the standard (:func:`~generator.batch.hashing.card_slices`). For a file laid out as
``progen import`` writes it, the cards are cut apart line by line (:func:`card_chunks`) and each is parsed,
checked and hashed on its own, so memory stays that of a few cards however big the standard is. On a
big file (:data:`PARALLEL_FROM`) with ``jobs`` > 1 the cards go to ``jobs`` processes in batches, and come
back in file order: the result is the same, in a fraction of the time (a new standard of a thousand cards
is parsed before anything can be built, while the other processors would wait). Any doubt (another
layout, a problem in the data) falls back to :func:`~generator.batch.hashing.fast_load_standard`, which
gives the exact error of ``load_standard``.
"""
from __future__ import annotations

import json
import os
import zlib
from collections import deque
from contextlib import closing, nullcontext
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.batch.hashing import (STANDARD_FIELDS_USED, _Mismatch, _plain_chunk, card_entry, card_slices,
                                     fast_load_standard, from_plain, hash_value, index_standard)
from generator.batch.worker import fork_context, quiet_child
from generator.standard import model as m

PARALLEL_FROM = 1 << 20  # bytes (about 60 cards): a smaller file is scanned here, a pool would cost more
BATCH = 25  # cards a process gets at a time


class _Layout(Exception):
    """The file is not laid out as ``progen import`` writes it; read it whole instead."""


def card_chunks(lines):
    """Yield the YAML of everything before the cards, then of each card, from an iterator of lines,
    for files laid out as ``progen import`` writes them (``cards:`` at the top level, each card a
    ``  - `` item). Raises ``_Layout`` at anything else."""
    header = []
    for line in lines:
        if line == "cards:\n":
            break
        header.append(line)
    else:
        raise _Layout("no 'cards:' line")
    yield "".join(header)
    current: list[str] = []
    for line in lines:
        if line.startswith("  - "):
            if current:
                yield "".join(current)
            current = [line]
        elif line.startswith("    ") or not line.strip():
            if not current and line.strip():
                raise _Layout("text before the first card")
            if current:
                current.append(line)
        else:
            raise _Layout("a top-level line after the cards")
    if current:
        yield "".join(current)


@dataclass
class _CardScanner:
    """Parses, checks and hashes cards (sent to the scanning processes once per batch: it is small)."""

    path: Path
    header: m.Standard  # the standard without its cards
    base: dict  # the header as plain data, without "cards"

    def __call__(self, chunks: list[str]) -> list[tuple[str, dict, bytes]]:
        """(code, index entry, zlib JSON of the card's slice) of each card, in order."""
        from generator.common.yaml_io import to_plain
        from generator.standard.store import structure_problems

        scanned = []
        try:
            for chunk in chunks:
                items = _plain_chunk(chunk, self.path)
                if not isinstance(items, list) or len(items) != 1:
                    raise _Mismatch("card chunk")
                card = from_plain(m.Card, items[0])
                self.header.cards = [card]
                if structure_problems(self.header, whole=False):
                    raise _Mismatch("structure")
                plain = to_plain(card)
                text = json.dumps(dict(self.base, cards=[plain]), ensure_ascii=False)
                scanned.append((card.code, card_entry(card, plain), zlib.compress(text.encode("utf-8"), 1)))
        finally:
            self.header.cards = []
        return scanned


def scan_standard(path: Path, jobs: int = 1) -> tuple[dict, dict[str, bytes]]:
    """Index a standard and make each card's slice (see the module docstring): (index, card code → zlib JSON)."""
    from generator.common.bounded_yaml import STANDARD_DATA_LIMITS, check_file
    from generator.common.yaml_io import to_plain
    from generator.exceptions import StandardDataError
    from generator.standard.store import structure_problems, text_problems

    # a file over the size limit, a device or a pipe is refused before it is read
    check_file(path, "standard data", StandardDataError, STANDARD_DATA_LIMITS.max_bytes)
    try:
        with open(path, encoding="utf-8-sig", newline=None) as handle:
            chunks = card_chunks(iter(handle))
            header = from_plain(m.Standard, _plain_chunk(next(chunks), path))
            if header.cards:
                raise _Mismatch("cards")
            base = to_plain(header)
            del base["cards"]
            fields = {name: getattr(header, name) for name in STANDARD_FIELDS_USED}
            index = {"code": header.code, "language": header.language, "fields": hash_value(fields), "cards": {}}
            slices: dict[str, bytes] = {}
            scanner = _CardScanner(path, header, base)
            context = fork_context() if jobs > 1 and os.path.getsize(path) >= PARALLEL_FROM else None
            cards = _in_processes(chunks, scanner, jobs, context) if context else iter(scanner(chunks))
            with closing(cards) if context else nullcontext():  # a problem found here stops the pool at once
                for code, entry, packed in cards:
                    if code in index["cards"]:
                        raise _Mismatch("structure")  # a card twice: the typed loader says which
                    index["cards"][code] = entry
                    slices[code] = packed
        if not index["cards"] or structure_problems(header, whole=False) or text_problems(header):
            raise _Mismatch("structure")
        return index, slices
    except (UnicodeDecodeError, _Mismatch, _Layout, TypeError, StopIteration):
        standard = fast_load_standard(path)  # raises the exact problem, or reads another layout
        return index_standard(standard), {code: zlib.compress(text.encode("utf-8"), 1)
                                          for code, text in card_slices(standard)}


def _batches(chunks, size: int):
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_processes(chunks, scanner: _CardScanner, jobs: int, context):
    """What ``scanner`` makes of every chunk, in order, from ``jobs`` forked processes; at most two batches
    per process are read ahead, so memory stays bounded."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=quiet_child,
                               initargs=(os.getpid(),))
    pending: deque = deque()
    try:
        for batch in _batches(chunks, BATCH):
            pending.append(pool.submit(scanner, batch))
            while len(pending) > jobs * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
