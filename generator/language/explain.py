"""``progen phrase --explain``: why each outcome came out as it did, and which data to change."""
from __future__ import annotations

from generator.language import Phraser


def format_explanations(phraser: Phraser, kind: str, items: list[str]) -> str:
    """A block per item: the item, the outcome with its verb and Bloom level, one line per rule that
    fired (``rule: detail [data file key]``), then where the data files are."""
    blocks = []
    for item in items:
        explanation = phraser.explain(kind, item)
        outcome = explanation.outcome
        lines = [item, f"  → {outcome.text}", f"    verb: {outcome.verb or '—'}, Bloom: {outcome.bloom}, source: {outcome.source}"]
        lines += [f"    {note}" for note in explanation.notes] or ["    (no rule changed the words)"]
        blocks.append("\n".join(lines))
    files = "\n".join(f"  {path}" for path in phraser.data_files())
    footer = (f"Data files read ({phraser.lang}):\n{files}\n"
              f"A workspace's phrasing/{phraser.lang}.yaml adds to them with the same keys; "
              "phrasing/overrides.yaml fixes one item by its id.")
    return "\n\n".join(blocks + [footer])
