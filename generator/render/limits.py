"""Limits on the work a template may ask for: a time budget per document, caps on sizes in the sandbox.

Jinja's sandbox stops a template from reaching Python internals, but not from working forever or filling
the memory: ``{{ 'x' * 10**10 }}``, ``{{ 'x'.center(10**9) }}``, loops nested four deep, a macro calling
itself. A template comes from a colleague, so every such template is refused with one line naming it:

* :class:`LimitedEnvironment` — values a template makes are capped: texts at :data:`MAX_TEXT` characters,
  lists at :data:`MAX_ITEMS` items, numbers at :data:`MAX_INT_BITS` bits, widths and counts given to
  ``center``, ``indent``, ``batch`` … at :data:`MAX_WIDTH`, a rendered part at :data:`MAX_OUTPUT`;
  ``range`` stays at Jinja's sandbox limit (100,000);
* :func:`run_limited` — one document's render has :func:`time_budget` seconds (``PROGEN_RENDER_SECONDS``,
  default 60; a real document takes well under one); when they are spent, :class:`RenderTimeout` is raised
  inside the rendering thread, so even a loop that writes nothing stops.

Every render path calls :func:`run_limited` and renders with an environment of this module; a failure
becomes :class:`~generator.exceptions.TemplateProblem` through the render path's error description.
"""
from __future__ import annotations

import ctypes
import os
import re
import threading
import types
from functools import update_wrapper
from typing import Any, Callable, TypeVar

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

MAX_TEXT = 1_000_000  # characters of one text a template makes (a whole program is about 200,000)
MAX_ITEMS = 100_000  # items of one list a template makes
MAX_INT_BITS = 100_000  # a number of about 30,000 digits
MAX_WIDTH = 10_000  # a width or count given to center, indent, batch, a format spec …
MAX_OUTPUT = 64 << 20  # characters of one rendered part (word/document.xml of a program: about 2 MB)
DEFAULT_SECONDS = 60.0
_DICT_NAMES = frozenset(dir(dict))  # what getattr finds on a plain dict (its class's names)
_METHODS = (types.MethodType, types.BuiltinMethodType)  # neither can be subclassed

T = TypeVar("T")


class TemplateLimitError(Exception):
    """A template asked for more than a limit allows (the message says which)."""


class RenderTimeout(BaseException):
    """Raised inside a render that ran out of time (a BaseException, so no ``except Exception`` keeps it)."""


# -- sizes ---------------------------------------------------------------------------------------------
def checked(value: T, what: str = "a value") -> T:
    """``value`` if it is within the caps, else :class:`TemplateLimitError`."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise TemplateLimitError(f"{what} of {len(value):,} characters is over the limit of {MAX_TEXT:,}")
    elif isinstance(value, (list, tuple, dict, set)):
        if len(value) > MAX_ITEMS:
            raise TemplateLimitError(f"{what} of {len(value):,} items is over the limit of {MAX_ITEMS:,}")
    elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimitError(f"{what}: a number of more than {MAX_INT_BITS:,} bits is over the limit")
    return value


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


def _width(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise TemplateLimitError(f"{what} {value:,} is over the limit of {MAX_WIDTH:,}")


_PERCENT_SPEC = re.compile(r"%[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def check_format(fmt: str, args: tuple = (), kwargs: dict | None = None) -> None:
    """Widths and precisions in a ``%`` or ``{}`` format string (``%999999999d`` fills the memory)."""
    if not isinstance(fmt, str):
        return
    for width, precision in _PERCENT_SPEC.findall(fmt):
        for number in (width, precision):
            if number == "*":
                raise TemplateLimitError("a '*' width in a format string is not allowed in templates")
            if number:
                _width(int(number), "a width in a format string")
    for spec in _BRACE_SPEC.findall(fmt):
        for number in re.findall(r"\d+", spec):
            _width(int(number), "a width in a format string")
    if ":{" in fmt:  # a width taken from the arguments
        for value in [*args, *(kwargs or {}).values()]:
            _width(value, "a width in a format string")


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        if isinstance(left, int) and not isinstance(left, bool) and _size(right):
            left, right = right, left
        if _size(left) and isinstance(right, int):
            cap, unit = (MAX_TEXT, "characters") if isinstance(left, str) else (MAX_ITEMS, "items")
            if len(left) * right > cap:
                raise TemplateLimitError(f"repeating a value {right:,} times makes {len(left) * right:,} {unit}, "
                                         f"over the limit of {cap:,}")
        elif isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateLimitError(f"a product of more than {MAX_INT_BITS:,} bits is over the limit")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            if left.bit_length() * right > MAX_INT_BITS:
                raise TemplateLimitError(f"a power of more than {MAX_INT_BITS:,} bits is over the limit")
    elif operator == "+":
        if _size(left) and _size(right) and isinstance(left, str) == isinstance(right, str):
            if isinstance(left, str) and len(left) + len(right) > MAX_TEXT:
                raise TemplateLimitError(f"a text of {len(left) + len(right):,} characters is over the limit "
                                         f"of {MAX_TEXT:,}")
            if not isinstance(left, str) and len(left) + len(right) > MAX_ITEMS:
                raise TemplateLimitError(f"a list of {len(left) + len(right):,} items is over the limit of "
                                         f"{MAX_ITEMS:,}")
    elif operator == "%" and isinstance(left, str):
        check_format(left, right if isinstance(right, tuple) else (right,),
                     right if isinstance(right, dict) else None)


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_GROWING_METHODS = {"append", "extend", "insert", "update", "setdefault", "add"}


def _check_call(obj: Any, args: tuple, kwargs: dict) -> tuple:
    """What a call would make, checked before it is made (``'x'.center(10**9)``, ``list.extend``); the
    arguments to call with (an iterator given to ``join`` is read into a list to be measured)."""
    wrapped = getattr(obj, "__wrapped__", None)
    if getattr(wrapped, "__name__", None) in ("format", "format_map") and isinstance(
            getattr(wrapped, "__self__", None), str):
        check_format(wrapped.__self__, args, kwargs)
        return args
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, str):
        if name in _WIDTH_METHODS:
            for value in [*args, *kwargs.values()]:
                _width(value, f"the width given to {name}()")
        elif name == "join" and args:
            items = _listed(args[0], "the list given to join()")
            _check_joined(items, owner)
            args = (items, *args[1:])
        elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
            _check_replace(owner, args[0], args[1])
    elif isinstance(owner, (list, dict, set)) and name in _GROWING_METHODS:
        added = sum(_size(value) or 1 for value in [*args, *kwargs.values()])
        if len(owner) + added > MAX_ITEMS:
            raise TemplateLimitError(f"a list of more than {MAX_ITEMS:,} items is over the limit")
    return args


def _listed(items: Any, what: str) -> Any:
    """``items`` as a list, read at most one item past the cap (a text stays a text)."""
    if isinstance(items, (str, list, tuple)):
        return checked(items, what)
    listed = []
    for item in items:
        listed.append(item)
        if len(listed) > MAX_ITEMS:
            raise TemplateLimitError(f"{what} has more than {MAX_ITEMS:,} items, over the limit")
    return listed


def _check_joined(items: Any, separator: str) -> None:
    total = sum(len(str(item)) for item in items) + len(separator) * max(len(items) - 1, 0)
    if total > MAX_TEXT:
        raise TemplateLimitError(f"joining makes a text of {total:,} characters, over the limit of {MAX_TEXT:,}")


def _check_replace(text: str, old: str, new: str) -> None:
    count = text.count(old) if old else len(text) + 1
    if len(text) + count * (len(new) - len(old)) > MAX_TEXT:
        raise TemplateLimitError(f"replace() would make a text of more than {MAX_TEXT:,} characters")


# filters whose arguments are widths or counts (Jinja's own; ours take none)
_SIZE_ARGUMENTS = {"center": "width", "indent": "width", "wordwrap": "width", "truncate": "length",
                   "batch": "count", "slice": "count"}


def _limited_filter(name: str, function: Callable) -> Callable:
    """A filter whose arguments and result are checked (the piped value is checked where it was made)."""
    result_of = f"the result of |{name}"
    if name not in _SIZE_ARGUMENTS and name not in ("format", "join", "replace"):
        def run_plain(*args: Any, **kwargs: Any) -> Any:  # no argument to check: only the result
            return checked(function(*args, **kwargs), result_of)

        return update_wrapper(run_plain, function)

    def run(*args: Any, **kwargs: Any) -> Any:
        first = next((i for i, value in enumerate(args) if not _is_context(value)), len(args))
        plain = list(args[first:]) + list(kwargs.values())
        if name in _SIZE_ARGUMENTS:
            for value in plain[1:]:
                _width(value, f"the {_SIZE_ARGUMENTS[name]} given to |{name}")
        elif name == "format" and plain:
            check_format(plain[0], tuple(plain[1:]))
        elif name == "join" and first < len(args):
            items = _listed(args[first], "the list given to |join")
            separator = args[first + 1] if len(args) > first + 1 else kwargs.get("d", "")
            _check_joined(items, str(separator))
            args = (*args[:first], items, *args[first + 1:])
        elif name == "replace" and len(plain) >= 3 and all(isinstance(v, str) for v in plain[:3]):
            _check_replace(*plain[:3])
        return checked(function(*args, **kwargs), result_of)

    return update_wrapper(run, function)


def _is_context(value: Any) -> bool:
    return isinstance(value, (Context, EvalContext))


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 - Jinja's names
    from jinja2.utils import generate_lorem_ipsum

    for value, what in ((n, "paragraphs"), (min, "words"), (max, "words")):
        if isinstance(value, int) and value > 1000:
            raise TemplateLimitError(f"lipsum: {value:,} {what} is over the limit of 1,000")
    return generate_lorem_ipsum(n, html, min, max)


class _CheckedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` (the only operator the sandbox cannot intercept) through a size check."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_text(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox with caps on what a template can make (see the module's docstring)."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])
    code_generator_class = _CheckedCodeGenerator

    SAFE_ATTRIBUTES_KEPT = 4096  # answers of is_safe_attribute remembered (a template reads a few dozen)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["lipsum"] = _lipsum
        self.template_class = type("LimitedTemplate", (self.template_class,), {"render": _render_bounded})
        self._safe_attributes: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The sandbox's answer, remembered per (type, attribute name): Jinja's checks look at nothing
        else (``isinstance`` of the object, the name), and a document asks the same few thousands of
        times. An object whose ``__class__`` is not its type is asked every time."""
        cls = type(obj)
        if type(attr) is not str or obj.__class__ is not cls:
            return super().is_safe_attribute(obj, attr, value)
        key = (cls, attr)
        safe = self._safe_attributes.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if len(self._safe_attributes) >= self.SAFE_ATTRIBUTES_KEPT:
                self._safe_attributes.clear()
            self._safe_attributes[key] = safe
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's sandboxed ``getattr`` (``x.y``; 3.1's code, which tests compare), with two short ways
        for what a document asks thousands of times: a name of a plain dict that no dict attribute has
        (Jinja's ``getattr`` fails, then it subscripts) and a value that is no method (Jinja's check for
        ``str.format`` looks at methods only)."""
        if type(obj) is dict and type(attribute) is str and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        if type(value) in _METHODS:
            formatted = self.wrap_str_format(value)
            if formatted is not None:
                return formatted
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)

    def add_filters(self, filters: dict[str, Callable]) -> None:
        """Register filters (and wrap Jinja's own) so that their arguments and results are checked."""
        self.filters.update(filters)
        for name, function in list(self.filters.items()):
            if not getattr(function, "_progen_limited", False):
                wrapped = _limited_filter(name, function)
                wrapped._progen_limited = True  # type: ignore[attr-defined]
                self.filters[name] = wrapped

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return checked(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        args = _check_call(__obj, args, kwargs)
        return checked(super().call(__context, __obj, *args, **kwargs), "the result of a call")

    @staticmethod
    def checked_text(value: T) -> T:
        return checked(value, "a text joined with ~")


def _render_bounded(self, *args: Any, **kwargs: Any) -> str:
    """``Template.render`` that stops once the output passes :data:`MAX_OUTPUT` characters."""
    context = self.new_context(dict(*args, **kwargs))
    try:
        return self.environment.concat(_bounded(self.root_render_func(context)))
    except Exception:
        self.environment.handle_exception()


def _bounded(chunks) -> list[str]:
    """The chunks of a render, read into a list (``join`` would make one) while counting their size."""
    total = 0
    listed: list[str] = []
    append = listed.append
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_OUTPUT:  # raised inside the template's code, so the error names its paragraph
            chunks.throw(TemplateLimitError(f"the document is over {MAX_OUTPUT >> 20} MB of XML (progen's limit)"))
        append(chunk)
    return listed


# -- time ----------------------------------------------------------------------------------------------
def time_budget() -> float:
    """Seconds one document may take to render: ``PROGEN_RENDER_SECONDS``, else 60."""
    try:
        seconds = float(os.environ.get("PROGEN_RENDER_SECONDS", DEFAULT_SECONDS))
    except ValueError:
        return DEFAULT_SECONDS
    return seconds if seconds > 0 else DEFAULT_SECONDS


class _Deadline:
    """Raises :class:`RenderTimeout` in the thread that made it once ``seconds`` have passed."""

    def __init__(self, seconds: float):
        self.thread_id = threading.get_ident()
        self.lock = threading.Lock()
        self.done = self.fired = False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        with self.lock:
            if not self.done:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id),
                                                           ctypes.py_object(RenderTimeout))

    def stop(self) -> bool:
        """Disarm; True when the time ran out (a pending exception not yet raised is withdrawn)."""
        self.timer.cancel()
        with self.lock:
            self.done = True
            if self.fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), None)
            return self.fired


def run_limited(function: Callable[[], T], on_timeout: Callable[[RenderTimeout], BaseException],
                seconds: float | None = None) -> T:
    """``function()`` within the time budget; when it runs out, raise ``on_timeout(the timeout)``.

    ``on_timeout`` gets the :class:`RenderTimeout` (its traceback shows where the template was) and returns
    the exception to raise — the render path's :class:`~generator.exceptions.TemplateProblem`.
    """
    deadline = _Deadline(seconds if seconds is not None else time_budget())
    deadline.timer.start()
    try:
        try:
            result = function()
        finally:
            timed_out = deadline.stop()
    except RenderTimeout as timeout:
        raise on_timeout(timeout) from None
    if timed_out:  # the time ran out just as the render finished: the budget was spent all the same
        raise on_timeout(RenderTimeout())
    return result


def is_limit_error(error: BaseException) -> bool:
    return isinstance(error, (TemplateLimitError, RenderTimeout))


__all__ = ["LimitedEnvironment", "MAX_ITEMS", "MAX_OUTPUT", "MAX_TEXT", "MAX_WIDTH", "RenderTimeout",
           "TemplateLimitError", "checked", "run_limited", "time_budget"]
