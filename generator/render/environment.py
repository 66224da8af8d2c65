"""The Jinja environment every DOCX template is rendered with.

* ``SandboxedEnvironment``: a template from an untrusted colleague cannot reach Python internals
  (``''.__class__``, ``cycler.__init__.__globals__`` …); such access raises ``SecurityError``, which
  the renderer reports as :class:`~generator.exceptions.TemplateProblem`. Nor can it ask for unbounded
  work: :class:`~generator.render.limits.LimitedEnvironment` caps the texts, lists and numbers it makes
  (and every render runs within a time budget, :func:`~generator.render.limits.run_limited`).
* Values lose the control characters XML cannot hold (a ``\x0b`` in a standard's text would make the
  document unreadable), in ``finalize``, before they are escaped.
* ``StrictUndefined``: a misspelt variable is an error, never a silent blank in a delivered DOCX.
* ``autoescape=True``: every ``{{ … }}`` value is XML-escaped (``& < > " '``) before it lands in
  ``word/document.xml``. docxtpl's own ``render(autoescape=True)`` only flips ``env.autoescape`` on the
  environment it is given, so we set it here once and call ``render`` without the flag; the effect is
  the same and the environment is never mutated during a render. Escaping applies to values only,
  so the XML markup of the template itself and Kazakh text with « » " & < survive unchanged.

The filters are listed in :data:`FILTERS` (name → (function, description)); ``progen templates vars``
prints them. Filters that need the language read ``labels`` and ``lang`` from the render context.
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any, Callable

from jinja2 import StrictUndefined, pass_context
from jinja2.exceptions import UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator.design.recognition import code_order
from generator.render.limits import LimitedEnvironment

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


# -- filters ---------------------------------------------------------------------------------
def _fields(obj: Any) -> dict[str, Any]:
    """Plain (str/int/float) public attributes of a model object, and of its provider."""
    values: dict[str, Any] = {}
    if obj is None:
        return values
    source = obj if isinstance(obj, dict) else getattr(obj, "__dict__", {})
    for key, value in source.items():
        if not key.startswith("_") and isinstance(value, (str, int, float)):
            values[key] = value
    provider = source.get("provider") if isinstance(source, dict) else None
    if provider is not None:
        for key, value in getattr(provider, "__dict__", {}).items():
            if isinstance(value, (str, int, float)):
                values.setdefault(key, value)
    return values


def fill(text: str, obj: Any = None, **values: Any) -> str:
    """Fill ``{name}`` placeholders of a label from an object's fields and keyword values.

    Only plain names are replaced (no attribute or index access, unlike ``str.format``), so label
    data cannot reach into objects. An unknown placeholder is an error naming it.
    """
    known = _fields(obj)
    known.update(values)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in known:
            raise UndefinedError(f"label placeholder {{{name}}} is not known here; known: {', '.join(sorted(known))}")
        value = known[name]
        return "" if value is None else str(value)

    return _PLACEHOLDER.sub(replace, str(text))


def dash(value: Any) -> str:
    """Hours for a table cell: the number, or an en dash for 0 / empty."""
    if value in (None, "", 0):
        return "–"
    return str(value)


def capfirst(text: Any) -> str:
    """Upper-case the first letter, keep the rest as is (unlike Jinja's ``capitalize``)."""
    text = str(text)
    return text[:1].upper() + text[1:]


def lower_first(text: Any) -> str:
    """Lower-case the first letter unless the first word is an abbreviation (ЖРО, ҚР), a Latin word, or a
    name of several capitalised words («Қазақстан Республикасының …», «Закон Республики …»)."""
    from generator.design.names import ProperNames

    return ProperNames().lower_first(str(text))


def sentence(text: Any) -> str:
    """Capitalise and end with one full stop (for list items and table cells)."""
    text = capfirst(str(text).strip())
    return text if not text or text[-1] in ".!?…" else text + "."


def counted(number: int, words: dict, lang: str) -> str:
    """``number`` and the form of a noun (``words``: one / few / many) the language's plural rule asks for."""
    from generator.languages import get_pack

    return f"{number} {words[get_pack(lang).plural_form(int(number))]}"


@pass_context
def hours_phrase(context, number: int) -> str:
    """``72`` → «72 академиялық сағат» / «72 академических часа» (the language pack's plural rule)."""
    return counted(number, context["labels"]["hours_word"], context["lang"])


@pass_context
def module_name(context, module: Any) -> str:
    """A module's label: «3-модуль» (kk) / «Модуль 3» (ru), from ``labels.module``."""
    return fill(context["labels"]["module"], number=module.number)


def _row(**fields: Any) -> SimpleNamespace:
    """A row of the academic-thematic plan (attribute access for templates)."""
    fields.setdefault("form", "")
    return SimpleNamespace(**fields)


@pass_context
def plan_rows(context, module: Any) -> list[SimpleNamespace]:
    """The plan-table rows under a module row: its topics (number, title, hours, theory, practice) and an
    «Аралық бағалау» row with the module's assessment hours, so the rows add up to the module row.
    Fields: number, title, kind (integrated|theory|practice|assessment), hours, theory, practice,
    assessment, form (assessment forms, on the assessment row)."""
    labels = context["labels"]
    rows = [_row(number=t.number, title=t.title, kind=t.kind, hours=t.hours.total, theory=t.hours.theory,
                 practice=t.hours.practice, assessment=0) for t in module.topics]
    if module.hours.assessment:
        rows.append(_row(number="", title=labels["interim_assessment"], kind="assessment",
                         hours=module.hours.assessment, theory=0, practice=0, assessment=module.hours.assessment,
                         form=", ".join(module.assessment)))
    return rows


def normative_acts(bibliography: list) -> list:
    """References that are normative legal acts (every kind except ``other``)."""
    return [ref for ref in bibliography if ref.kind != "other"]


def literature(bibliography: list) -> list:
    """References that are not normative acts (the standard itself, methodological literature)."""
    return [ref for ref in bibliography if ref.kind == "other"]


def kind_of(items: list, kind: str) -> list:
    """Items (outcomes, sheet criteria, coverage rows) whose ``kind`` equals the argument."""
    return [item for item in items if getattr(item, "kind", None) == kind]


def percent(value: Any) -> str:
    """``100.0`` → «100», ``97.5`` → «97,5» (decimal comma, as in kk and ru)."""
    number = float(value)
    text = f"{number:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def short_id(item_id: str, card_code: str = "") -> str:
    """``3412-0-003/F2/S1/A3`` → ``F2/S1/A3`` (the card code is printed once, not on every row)."""
    prefix = f"{card_code}/"
    return item_id[len(prefix):] if card_code and item_id.startswith(prefix) else item_id


_STRAIGHT_QUOTES = re.compile(r'"([^"\n]+)"')


def quotes(text: Any) -> str:
    """Straight "quotes" of the standard's text → «ёлочки», as Kazakh and Russian documents print them."""
    text = str(text)
    return _STRAIGHT_QUOTES.sub("«\\1»", text) if '"' in text else text  # most texts have none


def nbsp(text: Any) -> str:
    """Non-breaking spaces, so a code like «ОН 3.1» never stretches or breaks in justified text."""
    return str(text).replace(" ", "\u00a0")


def drop_prefix(text: Any, prefix: str) -> str:
    """Drop a leading «prefix:» (when a heading already says it): «Қорытынды аттестаттау: …» → «…»."""
    text = str(text).strip()
    if prefix and text.lower().startswith(str(prefix).lower()):
        rest = text[len(prefix):].lstrip()
        if rest.startswith(":") or rest.startswith("–") or rest.startswith("-"):
            return rest[1:].strip()
    return text


def methods_of(modules: list) -> list[str]:
    """Every method of the given modules once, in order of first use."""
    seen: list[str] = []
    for module in modules:
        for method in module.methods:
            if method not in seen:
                seen.append(method)
    return seen


def outcome_codes(outcomes: list) -> str:
    """Outcome codes in short, in order, the prefix once: «ОН 3.1–3.4, 3.7, ОН Ж2» (runs of three or more
    in one module as a range); never «ОН 4.4, 4.5, ОН 4.2»."""
    groups: dict[tuple[str, bool], list[str]] = {}  # module outcomes and personal ones (ОН Ж2) apart
    for outcome in outcomes:
        code = getattr(outcome, "code", outcome)
        prefix, _, number = str(code).rpartition(" ")
        if number not in groups.setdefault((prefix, number[:1].isdigit()), []):
            groups[(prefix, number[:1].isdigit())].append(number)
    parts = []
    for (prefix, _), numbers in groups.items():
        runs: list[list[str]] = []
        for number in sorted(numbers, key=code_order):
            head, _, tail = number.rpartition(".")
            last = runs[-1][-1].rpartition(".") if runs else None
            if last and tail.isdigit() and last[2].isdigit() and last[0] == head and int(tail) == int(last[2]) + 1:
                runs[-1].append(number)
            else:
                runs.append([number])
        text = ", ".join(f"{run[0]}–{run[-1]}" if len(run) >= 3 else ", ".join(run) for run in runs)
        parts.append(f"{prefix}\u00a0{text}" if prefix else text)
    return ", ".join(parts)


FILTERS: dict[str, tuple[Callable, str]] = {
    "fill": (fill, "fill {placeholders} of a label: {{ labels.basis_text|fill(program) }}, "
                   "{{ labels.module_hours|fill(m.hours) }}, {{ labels.topic_hours|fill(hours=t.hours) }}"),
    "dash": (dash, "a number for a table cell, or «–» for 0: {{ m.hours.practice|dash }}"),
    "capfirst": (capfirst, "upper-case the first letter only: {{ t.title|capfirst }}"),
    "lower_first": (lower_first, "lower-case the first letter unless it starts an abbreviation (ЖРО) or a name "
                                 "of several capitalised words (Қазақстан Республикасының …)"),
    "sentence": (sentence, "capitalise and end with one full stop: {{ task|sentence }}"),
    "hours_phrase": (hours_phrase, "«72 академиялық сағат» / «72 академических часа»: {{ program.total_hours|hours_phrase }}"),
    "module_name": (module_name, "«3-модуль» / «Модуль 3»: {{ m|module_name }}"),
    "plan_rows": (plan_rows, "plan-table rows of a module: its topics and its interim assessment "
                             "(fields number, title, kind, hours, theory, practice, assessment, form)"),
    "normative_acts": (normative_acts, "the normative legal acts of a bibliography: program.bibliography|normative_acts"),
    "literature": (literature, "the other references (the standard, literature): program.bibliography|literature"),
    "percent": (percent, "a percentage with a decimal comma: {{ program.coverage_percent|percent }} → 100"),
    "short_id": (short_id, "an item id without the card code: {{ c.item_id|short_id(program.card_code) }} → F2/S1/A3"),
    "methods_of": (methods_of, "every method of some modules once: {{ program.modules|methods_of|join(', ') }}"),
    "quotes": (quotes, 'straight "quotes" → «»: {{ o.text|quotes }}'),
    "nbsp": (nbsp, "spaces → non-breaking spaces: {{ o.code|nbsp }}"),
    "drop_prefix": (drop_prefix, "drop a leading «label:»: {{ program.final_assessment|drop_prefix(labels.final_assessment) }}"),
    "kind_of": (kind_of, "items of one kind: sheet.criteria|kind_of('ability'), m.outcomes|kind_of('knowledge')"),
    "outcome_codes": (outcome_codes, "outcome codes in short: {{ s.objectives|outcome_codes }} → «ОН 3.1–3.4, ОН 3.7»"),
}


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: Any) -> Any:
    """A value without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    if isinstance(value, str) and not value.isprintable() and _NOT_IN_XML.search(value):
        # a printable text has no control character, surrogate or noncharacter (Unicode's Cc, Cs, Cn): the
        # test is in C and most values pass it; a line break or a no-break space takes the pattern
        cleaned = _NOT_IN_XML.sub("", value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


class CachingEnvironment(LimitedEnvironment):
    """A sandboxed environment that keeps the templates it compiled from strings.

    docxtpl compiles the whole ``document.xml`` with ``from_string`` on every render; a batch build
    renders the same template for many cards, so compiled templates are kept (by source text, at most
    ``CACHE_SIZE``). A compiled template is immutable; each render gets its own context.
    """

    CACHE_SIZE = 64

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's signature)
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = super().from_string(source)
            if len(self._compiled) >= self.CACHE_SIZE:
                self._compiled.pop(next(iter(self._compiled)))
            self._compiled[source] = template
        return template

    def clear_cache(self) -> None:
        self._compiled.clear()


def make_environment(cached: bool = False) -> LimitedEnvironment:
    """A fresh sandboxed, limited, strict, autoescaping environment with the documented filters."""
    cls = CachingEnvironment if cached else LimitedEnvironment
    env = cls(undefined=StrictUndefined, autoescape=True, finalize=xml_safe)
    env.add_filters({name: function for name, (function, _doc) in FILTERS.items()})
    return env


_SHARED: list[CachingEnvironment] = []


def render_environment() -> CachingEnvironment:
    """The environment renders share (created once; never mutated after creation)."""
    if not _SHARED:
        _SHARED.append(make_environment(cached=True))  # type: ignore[arg-type]
    return _SHARED[0]


def builtin_filter_names() -> list[str]:
    """Jinja's own filters that templates may also use (join, length, upper …)."""
    return sorted(set(SandboxedEnvironment().filters))
