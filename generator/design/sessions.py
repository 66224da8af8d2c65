"""The course outline's schedule: each module's topics in sessions of ``hours.session_hours`` (a "пара"
of two academic hours by default), then the module's assessment; the final assessment closes it.

A topic longer than a session continues in the next one (named by its number, marked
``session_titles.continued``); a
module's last session may be shorter, never below ``hours.min_session_hours``. The hours of the
sessions add up to the program's total.
"""
from __future__ import annotations

from generator.design import rules as r
from generator.design.program import Module, Session


def _kind(parts: set[str]) -> str:
    return "integrated" if parts == {"theory", "practice"} else (parts.pop() if parts else "theory")


def _methods(module: Module, units: list[tuple], wording: dict) -> list[str]:
    """A session's methods: for its theory, those of its knowledge outcomes' levels; for its practice, the
    forms of the practical tasks it holds."""
    methods: list[str] = []
    for topic, part, _hours in units:
        kind = "knowledge" if part == "theory" else "ability"
        outcomes = [o for o in module.outcomes if o.code in topic.outcome_codes and o.kind == kind] or \
            [o for o in module.outcomes if o.code in topic.outcome_codes]
        if part == "practice" and topic.task_form:
            found = [topic.task_form]
        else:
            found = r.methods_for(outcomes, wording, with_module_methods=False)
        for method in found:
            if method not in methods:
                methods.append(method)
    return methods


def module_sessions(module: Module, size: int, wording: dict, start: int, max_methods: int = 3) -> list[Session]:
    """The sessions of one module, numbered from ``start``, each with at most ``max_methods`` methods."""
    titles = wording["session_titles"]
    units: list[tuple] = []  # (topic, part, hours) in teaching order
    for topic in module.topics:
        units += [(topic, part, hours) for part, hours in (("theory", topic.hours.theory),
                                                          ("practice", topic.hours.practice)) if hours]
    sessions: list[Session] = []
    started: set[str] = set()
    current: list[tuple] = []

    def close() -> None:
        topics = []
        for unit in current:
            if all(unit[0] is not seen for seen in topics):
                topics.append(unit[0])
        names = []
        for topic in topics:  # a topic continued from the session before is named by its number only
            names.append(f"{topic.number} ({titles['continued']})" if topic.number in started
                         else f"{topic.number} {topic.title}")
        started.update(t.number for t in topics)
        sessions.append(Session(number=start + len(sessions), module_id=module.id, title="; ".join(names),
                                hours=sum(unit[2] for unit in current), kind=_kind({unit[1] for unit in current}),
                                topics=[t.number for t in topics],
                                methods=_methods(module, current, wording)[:max_methods]))
        current.clear()

    room = size
    for topic, part, hours in units:
        while hours:
            taken = min(hours, room)
            current.append((topic, part, taken))
            hours -= taken
            room -= taken
            if room == 0:
                close()
                room = size
    if current:
        close()
    if module.hours.assessment:
        sessions.append(Session(number=start + len(sessions), module_id=module.id,
                                title=f"{titles['assessment']}: {module.title}", hours=module.hours.assessment,
                                kind="assessment", methods=list(module.assessment)))
    return sessions


def build_sessions(modules: list[Module], final_hours: int, wording: dict, size: int,
                   max_methods: int = 3) -> list[Session]:
    sessions: list[Session] = []
    for module in modules:
        sessions += module_sessions(module, size, wording, len(sessions) + 1, max_methods)
    if final_hours:
        sessions.append(Session(number=len(sessions) + 1, module_id="", title=wording["session_titles"]["final"],
                                hours=final_hours, kind="assessment", methods=[]))
    return sessions
