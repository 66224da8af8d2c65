"""Which tables docxtpl's ``fix_tables`` would change, found by XPath (libxml2) instead of Python.

docxtpl's ``fix_tables`` parses the rendered body and counts, in Python, the cells of every row of
every table to widen or narrow its grid (``w:tblGrid``) — after ``{%tc %}`` loops a row may hold more
or fewer cells than the template's grid. It changes only each table's grid, from the cells of that
table's rows (nested tables' rows included), so the prepared path (:mod:`.prepared`) gives docxtpl's
own function only the tables :meth:`TableCheck.to_fix` returns.
"""
from __future__ import annotations

from lxml import etree


class TableCheck:
    """Whether docxtpl's ``fix_tables`` would change a table, with XPath (libxml2) instead of Python.

    It adds grid columns when a row has more w:tc than the grid has w:gridCol, and removes some when
    no row's cells (a w:gridSpan counting its value) fill the grid. A grid span that is not plain
    digits, or a table without a grid, also goes to docxtpl (which raises what it raises).
    """

    _known: dict[str, "TableCheck"] = {}

    def __init__(self, namespace: str) -> None:
        ns = {"w": namespace}
        self.tbl, self.grid, self.col = (f"{{{namespace}}}{name}" for name in ("tbl", "tblGrid", "gridCol"))
        # a row with more cells than the grid has columns (docxtpl adds columns), no row whose cells fill
        # the grid (it removes some), or a grid span that is not plain digits (docxtpl's int() decides)
        # («descendant::x[…][1]»: libxml2 stops at the first row found, where «.//x[…]» collects them all)
        self.changed = etree.XPath(
            "boolean(descendant::w:tr[count(w:tc) > $n][1]) "
            "or not(descendant::w:tr[count(w:tc[not(w:tcPr[1]/w:gridSpan)]) "
            "+ sum(w:tc/w:tcPr[1]/w:gridSpan[1]/@w:val) >= $n][1]) "
            "or boolean(descendant::w:tc/w:tcPr[1]/w:gridSpan[1][not(@w:val) or @w:val = '' "
            "or translate(@w:val, '0123456789', '') != ''][1])", namespaces=ns)

    @classmethod
    def of(cls, namespace: str) -> "TableCheck":
        if namespace not in cls._known:
            cls._known[namespace] = cls(namespace)
        return cls._known[namespace]

    def needs_fixing(self, table) -> bool:
        grid = table.find(self.grid)
        return grid is None or bool(self.changed(table, n=len(grid.findall(self.col))))

    def to_fix(self, tree) -> list:
        """The tables whose grid docxtpl would change, outermost first (one nested in another of the
        list is left out: docxtpl's function fixes it with its outer table)."""
        found = [table for table in tree.iter(self.tbl) if self.needs_fixing(table)]
        flagged = set(found)
        return [table for table in found if not any(outer in flagged for outer in table.iterancestors(self.tbl))]
