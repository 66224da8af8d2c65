"""Program sections made from the session plans and the language's texts (PEDAGOGY.md §2): the explanatory
note, the organisation of learning with the methods as this program uses them, the conditions of delivery,
the calendar schedule, the feedback form and the methodological literature.

Texts are the language pack's ``organisation.yaml`` and ``feedback.yaml`` (changed by a workspace); their
``{placeholders}`` are filled here by name only, with values already in the right grammatical form.
"""
from __future__ import annotations

import datetime
import re

from generator.design.bibliography import LEGAL_FORCE
from generator.design.program import CalendarDay, Conditions, FeedbackForm, MethodUse, Program, Reference
from generator.design.names import ProperNames
from generator.exceptions import SpecError

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, where: str, **values) -> str:
    """``{name}`` placeholders of a data text filled by name; an unknown one is an error naming the text."""
    def replace(match: re.Match) -> str:
        if match.group(1) not in values:
            raise SpecError(f"{where}: unknown placeholder {{{match.group(1)}}}; known here: {', '.join(values)}")
        return str(values[match.group(1)])

    return " ".join(_PLACEHOLDER.sub(replace, str(text)).split())


def counted(number: int, words: dict, workspace, lang: str) -> str:
    """«36 сабақ» / «36 занятий»: the noun form the language's plural rule asks for."""
    return f"{number} {words[workspace.language(lang).plural_form(number)]}"


def session_length(program: Program, workspace, texts: dict) -> str:
    """«2 академиялық сағат (90 минут)» / «2 академических часа (90 минут)», and the sessions of another
    length after it («…; 26, 34-сабақтар — 3 академиялық сағат (135 минут)»): one number alone would
    contradict the session plans."""
    usual = program.session_minutes // program.minutes_per_hour
    other: dict[int, list[int]] = {}
    for session in program.sessions:
        if session.hours != usual:
            other.setdefault(session.hours, []).append(session.number)
    parts = [_hours_and_minutes(usual, program, workspace)]
    for hours, numbers in sorted(other.items()):
        words = texts["methods_sessions"]["one" if len(numbers) == 1 else "many"]
        where = fill(words, "organisation.yaml: methods_sessions", sessions=number_list(numbers))
        parts.append(f"{where} — {_hours_and_minutes(hours, program, workspace)}")
    return "; ".join(parts)


def _hours_and_minutes(hours: int, program: Program, workspace) -> str:
    labels = workspace.labels(program.language)
    return (f"{counted(hours, labels['hours_word'], workspace, program.language)} "
            f"({counted(hours * program.minutes_per_hour, labels['minutes_word'], workspace, program.language)})")


def explanatory_note(program: Program, card, texts: dict, workspace) -> list[str]:
    note = texts["explanatory_note"]
    labels = workspace.labels(program.language)
    lower_first = ProperNames(workspace.phraser(program.language)).lower_first
    values = dict(
        standard_title=program.standard_title, standard_code=program.standard_code_text,
        card_name=program.card_name, card_code=program.card_code, purpose=(card.purpose or "").strip().rstrip("."),
        audience=lower_first(program.audience.strip().rstrip(".")),
        entry_requirements=lower_first(program.entry_requirements.strip().rstrip(".")),
        format=program.format_name.lower(), duration=counted(program.total_hours, labels["hours_word"], workspace, program.language),
        sessions=counted(len(program.sessions), labels["session_word"], workspace, program.language),
        session_length=session_length(program, workspace, texts), language=labels["language_name"],
        document=lower_first(program.document_issued.strip().rstrip(".")),
        skills=", ".join(f"«{sheet.title}»" for sheet in program.assessment_sheets),
        structure=program.structure_note, hours_basis=program.hours_basis)
    paragraphs = []
    for key, text in note.items():
        if (key == "purpose" and not card.purpose) or (key == "recognition" and not program.assessment_sheets):
            continue
        paragraphs.append(fill(text, f"organisation.yaml: explanatory_note.{key}", **values))
    return paragraphs


def organisation(program: Program, texts: dict, workspace) -> list[str]:
    """«Оқытуды ұйымдастыру»: the cycle, the session structure, the group, online and blended study."""
    from generator.design.delivery import group_size_range

    low, optimal, high = group_size_range(program.group_size, workspace.design["sessions"]["group_size"])
    values = dict(session_length=session_length(program, workspace, texts), group_min=low, group_optimal=optimal,
                  group_max=high)
    return [fill(texts[key], f"organisation.yaml: {key}", **values)
            for key in ("experiential_cycle", "session_structure", "group_rationale", "online", "blended",
                        "methods_intro")]


def number_list(numbers: list[int]) -> str:
    """«1–3, 5, 9»: runs of three or more consecutive numbers as a range."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) >= 3 else ", ".join(map(str, r)) for r in runs)


def methods_used(program: Program, texts: dict, workspace) -> list[MethodUse]:
    """Every activity the sessions use, by phase: in which sessions, how many minutes, its steps."""
    from generator.design.activities import PHASES

    library = workspace.activities
    used: dict[str, dict] = {}
    for session in program.sessions:
        for step in session.steps:
            entry = used.setdefault(step.activity_id, {"sessions": [], "minutes": 0})
            if session.number not in entry["sessions"]:
                entry["sessions"].append(session.number)
            entry["minutes"] += step.minutes
    order = sorted(used, key=lambda key: (PHASES.index(library.get(key).phase), used[key]["sessions"][0]))
    methods = []
    for key in order:
        activity, entry = library.get(key), used[key]
        words = texts["methods_sessions"]["one" if len(entry["sessions"]) == 1 else "many"]
        where = fill(words, "organisation.yaml: methods_sessions", sessions=number_list(entry["sessions"]))
        text = activity.text(program.language)
        methods.append(MethodUse(
            name=text.name, phase=activity.phase, minutes=entry["minutes"],
            sessions=f"{where}; {fill(texts['methods_minutes'], 'organisation.yaml', minutes=entry['minutes'])}",
            how=" → ".join(step.title for step in text.steps), result=text.result or ""))
    return methods


def _matches(stems: list[str], lowered: list[str]) -> bool:
    """Whether a stem is in one of the texts (``lowered``: already in lower case, once per program)."""
    return any(stem.lower() in text for stem in stems for text in lowered)


def conditions(program: Program, card, texts: dict, workspace) -> Conditions:
    """Room, equipment (what the chosen activities' materials mention), trainer, accessibility."""
    from generator.design.delivery import group_size_range

    data = texts["conditions"]
    library = workspace.activities
    chosen = {step.activity_id for session in program.sessions for step in session.steps}
    materials = [m for key in chosen for m in library.get(key).text(program.language).materials]
    notes = [library.get(key).text(program.language).group_note or "" for key in chosen]
    _low, _optimal, high = group_size_range(program.group_size, workspace.design["sessions"]["group_size"])
    room = [fill(data["room"], "organisation.yaml: conditions.room", group_max=high)]
    materials_lowered = [text.lower() for text in materials]
    materials_and_notes = materials_lowered + [text.lower() for text in notes]
    room += [f["text"] for f in data["room_features"] if _matches(f["match"], materials_and_notes)]
    equipment = [e["text"] for e in data["equipment"] if _matches(e["match"], materials_lowered)]
    values = dict(education=_education(card, workspace.design[program.language], workspace.phraser(program.language))
                  or data["trainer_education_default"],
                  card_name=program.card_name, level=program.level or "")
    trainer = [fill(line, "organisation.yaml: conditions.trainer", **values) for line in data["trainer"]]
    def items(texts: list[str]) -> list[str]:  # list items: the template ends them with ';' or '.'
        return [" ".join(text.split()).rstrip(" .;") for text in texts]

    return Conditions(room=items(room), equipment=items(equipment), trainer=items(trainer),
                      materials_note=" ".join(data["materials_note"].split()),
                      accessibility=" ".join(data["accessibility"].split()))


def _education(card, rules: dict, phraser) -> str:
    """The card's education levels (alternatives the source ran together read apart) and specialities."""
    from generator.design.education import education_levels, specialities

    levels = education_levels(card, rules, ProperNames(phraser))
    if not levels:
        return ""
    return f", {rules['entry_or']} ".join(level for level, _note in levels) + specialities(card, rules)


def _teaching_days(start: datetime.date, days_per_week: int):
    day = start
    while True:
        if day.weekday() < days_per_week:
            yield day
        day += datetime.timedelta(days=1)


def calendar(program: Program, spec, data: dict, texts: dict, labels: dict) -> tuple[list[CalendarDay], list[str]]:
    """Days and their sessions; dates from the spec's start date (teaching days: the first ``days_per_week``
    days of each week), else «1-күн» / «День 1»."""
    from generator.design.delivery import start_date

    per_day = spec.sessions_per_day or data["sessions_per_day"]
    per_week = spec.days_per_week or data["days_per_week"]
    start = start_date(spec.start_date)
    if start is not None and start.weekday() >= per_week:
        program.warnings.append(f"start_date {start.isoformat()} is not one of the {per_week} teaching days of its "
                                "week; the calendar starts on the next teaching day")
    dates = _teaching_days(start, per_week) if start is not None else None
    days: list[CalendarDay] = []
    for index, session in enumerate(program.sessions):
        if index % per_day == 0:
            date = next(dates).strftime("%d.%m.%Y") if dates is not None else ""
            number = len(days) + 1
            days.append(CalendarDay(number=number, date=date,
                                    label=date or fill(labels["day"], "labels.yaml: day", number=number)))
        day = days[-1]
        session.day, session.date = day.number, day.date
        day.sessions.append(session.number)
        day.hours += session.hours
    for day in days:
        day.topics = "; ".join(", ".join(s.topics) for s in program.sessions if s.day == day.number and s.topics)
    note = [fill(texts["calendar"]["intro"], "organisation.yaml: calendar.intro", sessions_per_day=per_day,
                 days_per_week=per_week)]
    note.append(fill(texts["calendar"]["start"], "organisation.yaml: calendar.start",
                     start_date=days[0].date) if start is not None and days else
                " ".join(texts["calendar"]["no_date"].split()))
    return days, note


def feedback_form(program: Program, texts: dict, data: dict) -> FeedbackForm:
    return FeedbackForm(
        title=texts["title"], intro=fill(texts["intro"], "feedback.yaml: intro", program=program.title),
        fields=list(texts["fields"]), scale=list(data["scale"]), scale_legend=texts["scale_legend"],
        rating_heading=texts["rating_heading"],
        rating_questions=[texts["rating_questions"][key] for key in data["rating_ids"]],
        open_heading=texts["open_heading"], open_questions=list(texts["open_questions"]), closing=texts["closing"])


def add_literature(program: Program, kinds: set[str], workspace) -> None:
    """The curated literature for the program's content kinds (``kinds``: those of its outcomes) after the
    standard's acts and the standard; a law among them joins the acts, by legal force."""
    from generator.design.literature import literature_for

    entries = {e.citation(program.language): e for e in workspace.literature}
    cited = [ref.citation for ref in program.bibliography]
    added = [Reference(number=0, kind="law" if entries[c].kind == "law" else "other", citation=c)
             for c in literature_for(program.language, kinds, already_cited=cited, entries=workspace.literature)]
    acts = [r for r in program.bibliography + added if r.kind != "other"]
    acts.sort(key=lambda r: LEGAL_FORCE.index(r.kind) if r.kind in LEGAL_FORCE else len(LEGAL_FORCE))
    program.bibliography = acts + [r for r in program.bibliography + added if r.kind == "other"]
    for number, reference in enumerate(program.bibliography, start=1):
        reference.number = number


__all__ = ["add_literature", "calendar", "conditions", "explanatory_note", "feedback_form", "fill", "methods_used",
           "number_list", "organisation"]
