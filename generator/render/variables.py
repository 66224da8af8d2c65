"""Every variable and filter a DOCX template can use, with a description (``progen templates vars``).

A test checks that every field of the program model is described here, so a new field cannot be
added without documentation.
"""
from __future__ import annotations

TOP_LEVEL: dict[str, str] = {
    "program": "the program (type Program below): {{ program.title }}, {% for m in program.modules %}",
    "labels": "headings and labels in the document's language, from labels.yaml: {{ labels.passport }}",
    "lang": "language code of the document: kk or ru",
    "kind": "document kind being rendered: program, outline, assessment, guide, feedback, or one a workspace adds",
    "totals": "hours of the whole program (type Hours): {{ totals.total }}, {{ totals.theory }} …",
}

# type name → (how templates reach it, {field: description})
TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "Program": ("program", {
        "language": "kk or ru",
        "standard_code": "code of the professional standard, e.g. М84120 (empty when the source has none)",
        "standard_code_text": "what documents print for the code: the code, or words saying the source has none",
        "standard_title": "title of the professional standard",
        "standard_version": "its version as the language writes it: «1-нұсқа, 2023 ж.» / «версия 2, 2022 г.»",
        "card_code": "profession card code, e.g. 3412-0-003",
        "card_name": "profession name on the card",
        "level": "СБШ/ОРК qualification level of the card (text, may be empty)",
        "title": "title of the program (the profession, or the skill for a one-skill program)",
        "total_hours": "total academic hours",
        "minutes_per_hour": "minutes in one academic hour (45)",
        "format": "format of study as the spec gives it: күндізгі / онлайн / аралас (очный / онлайн / смешанный)",
        "format_name": "the format as it reads after «Оқыту нысаны» / «Форма обучения»: күндізгі, очная …",
        "audience": "who the program is for",
        "group_size": "group size, e.g. 12–20",
        "provider": "the centre (type Provider)",
        "year": "year of the program",
        "goal": "goal of the program (one sentence)",
        "tasks": "tasks of the program (list of text)",
        "entry_requirements": "entry requirements as one sentence, from the card's education level",
        "document_issued": "document a learner receives",
        "structure_note": "what the modules are (the legal module, one module per skill), for the explanatory note",
        "modules": "modules in order (list of Module)",
        "cross_cutting_outcomes": "personal competences as behaviour observed in practice (list of PersonalOutcome)",
        "personal_signs_needed": "how many signs of a personal outcome must be observed for it to be shown",
        "bibliography": "normative acts and literature (list of Reference); see filters normative_acts, literature",
        "coverage": "coverage matrix rows: every ability and knowledge item and where it is taught (list of CoverageRow)",
        "final_assessment": "final assessment: what it is (text; the heading is labels.final_assessment)",
        "final_assessment_hours": "academic hours of the final assessment (part of the total)",
        "hours_basis": "how the total was chosen: given, default, or computed from the content (how)",
        "recommended_hours": "the total the content needs at the design data's rates",
        "minimum_hours": "the smallest total that teaches every topic on its own (below it topics are merged)",
        "assessment_sheets": "one recognition sheet per recognisable skill (list of RecognitionSheet)",
        "sessions": "the sessions: rows of the outline's schedule and plans of the trainer's guide (list of Session)",
        "totals": "hours of the whole program, final assessment included (Hours; the top-level `totals` too)",
        "coverage_percent": "share of the items covered, in percent (100.0); see filter percent",
        "criteria_shapes": "how often the most used criterion sentence occurs (CriteriaShapes)",
        "warnings": "design warnings (list of text): hours below what the content needs, merged topics …",
        "session_minutes": "the usual length of a session in minutes (90)",
        "explanatory_note": "paragraphs of the explanatory note, the program's structure and hours basis among them (list of text)",
        "organisation": "paragraphs of «Оқытуды ұйымдастыру / Организация обучения» (list of text)",
        "methods_used": "every activity the sessions use, with how and where (list of MethodUse)",
        "conditions": "conditions of delivery (Conditions)",
        "calendar": "the calendar schedule: days and their sessions (list of CalendarDay)",
        "calendar_note": "paragraphs before the calendar table (sessions per day, start date) (list of text)",
        "evaluation": "paragraphs of the program evaluation section (list of text)",
        "feedback_form": "the participant feedback form (FeedbackForm)",
    }),
    "Provider": ("program.provider", {
        "name": "name of the centre",
        "city": "city",
        "approver_name": "name of the person who approves the program",
        "approver_title": "position of the approver, e.g. Директор",
        "developers": "developers of the program (list of Person; empty: print lines to fill in)",
        "reviewers": "reviewers of the program (list of Person; empty: print lines to fill in)",
    }),
    "Person": ("program.provider.developers[], program.provider.reviewers[]", {
        "name": "name",
        "position": "position (may be empty)",
    }),
    "Module": ("program.modules[]", {
        "id": "M1, M2 …",
        "number": "module number 1, 2 …; see filter module_name",
        "title": "module title (the skill, or the legal module's title)",
        "kind": "legal (introductory normative module) or skill",
        "hours": "hours of the module (Hours)",
        "function_id": "id of the labour function (skill modules)",
        "function_number": "number of the labour function",
        "function_title": "title of the labour function (empty for the legal module)",
        "skill_id": "id of the skill, e.g. 3412-0-003/F2/S1",
        "skill_number": "number of the skill in its labour function",
        "recognition": "true when recognition of the skill is recommended",
        "outcomes": "learning outcomes (list of Outcome)",
        "topics": "topics in teaching order, numbered 3.1, 3.2 … (list of Topic); see filter plan_rows",
        "methods": "teaching methods by the outcomes' levels and the tasks' forms (list of text; the activities as used: program.methods_used)",
        "assessment": "assessment forms of the module's tasks (list of text)",
        "assessment_tasks": "the tasks the module is assessed with (list of AssessmentTask)",
        "criteria": "observable criteria: 2–4 per ability, one per knowledge item (list of Criterion)",
        "references": "items of this skill taught in another topic (list of CrossReference)",
        "reference_note": "the sentence that introduces the references (may be empty)",
    }),
    "Hours": ("module.hours, topic.hours, totals", {
        "total": "academic hours in all",
        "theory": "theory hours",
        "practice": "practice hours",
        "assessment": "assessment hours",
    }),
    "Outcome": ("module.outcomes[]", {
        "code": "ОН 3.1 / РО 3.1; see filter nbsp",
        "text": "the outcome: «… ұйымдастыра алады», «… біледі»; see filter quotes",
        "source_ids": "ids of the standard's items it comes from",
        "bloom": "Bloom level: remember, understand, apply, analyse, evaluate, create",
        "verb": "the head verb (may be empty)",
        "kind": "ability or knowledge",
        "source": "rule, policy or override (how the phrasing was made)",
    }),
    "PersonalOutcome": ("program.cross_cutting_outcomes[]", {
        "code": "ОН Ж1 / РО Л1 (the number is the competence's place on the card)",
        "competency": "the card's word: бастамашылық",
        "text": "the behaviour: «топтық жұмыста бастамашылық танытады»",
        "verb": "its finite verb: танытады",
        "signs": "observable signs (list of text)",
        "observed_in": "numbers of the topics of the sessions whose trainer observes it (the session plans)",
        "source_ids": "ids of the card's personal competence",
        "source": "lexicon, or fallback when the lexicon does not know the word (lint reports it)",
        "kind": "personal",
    }),
    "Topic": ("module.topics[]", {
        "number": "3.1 …",
        "title": "topic title (a nominal phrase)",
        "kind": "integrated (theory and practice), theory or practice",
        "hours": "hours of the topic (Hours; assessment is the module's)",
        "ability_ids": "ids of the abilities practised",
        "knowledge_ids": "ids of the knowledge items taught",
        "outcome_codes": "codes of the outcomes it serves",
        "content": "what its theory covers: the knowledge items as headings (list of text)",
        "task": "the practical task: «… (рөлдік ойын)» (may be empty)",
        "task_form": "the form of the practical task: рөлдік ойын, кейс, практикум …",
    }),
    "CrossReference": ("module.references[]", {
        "item_id": "id of this skill's item",
        "taught_item": "id of the item where it is taught (an earlier skill's, or a normative act's)",
        "title": "the item as a heading",
        "topic": "number of the topic that teaches it",
        "outcome": "code of the outcome there",
        "note": "«2.3-тақырыпты қараңыз» / «см. тему 2.3»",
    }),
    "Criterion": ("module.criteria[]", {
        "outcome_code": "code of the outcome it checks",
        "text": "the observable criterion (a sentence)",
        "evidence": "what the assessor looks at: бақылау, өнім, сұхбат (observation, product, interview)",
        "kind": "ability or knowledge",
        "verb_class": "the ability's verb class (event, document, analysis …) or the knowledge kind (legal, methods …)",
        "shape": "id of the sentence it was made from (class.number)",
        "questions": "open questions for the assessor (knowledge criteria; list of text)",
    }),
    "AssessmentTask": ("module.assessment_tasks[]", {
        "title": "the task (a topic's practical task, or the oral questions)",
        "form": "its assessment form: практикалық тапсырма, кейс шешу, жоба қорғау, ауызша сұрақтар …",
        "outcome_codes": "codes of the outcomes it shows",
        "evidence": "the evidence it gives",
        "minutes": "minutes a group needs for it (the module's assessment hours add these up)",
    }),
    "Reference": ("program.bibliography[]", {
        "number": "number in the list",
        "kind": "constitution, code, law, presidential_decree, government_decree, ministerial_order or other",
        "citation": "the citation as printed",
        "item_ids": "ids of the knowledge items that cite it",
    }),
    "CoverageRow": ("program.coverage[]", {
        "item_id": "id of the ability or knowledge item; see filter short_id",
        "kind": "ability or knowledge; labels.kinds[c.kind] names it",
        "module_id": "module where it is taught (M2)",
        "outcome": "code of the outcome",
        "text": "the item's text as in the standard",
        "topic": "number of the topic that teaches it",
    }),
    "RecognitionSheet": ("program.assessment_sheets[]", {
        "skill_id": "id of the skill",
        "module_id": "module that teaches it",
        "title": "the skill",
        "skill_number": "number of the skill in its labour function",
        "function_number": "number of its labour function",
        "function_title": "its labour function",
        "methods": "how it is assessed: observation, product analysis, interview (list of text)",
        "rows": "criteria rows rated 0–1–2 (list of SheetRow)",
        "max_score": "the highest total (2 × rows)",
        "threshold": "the total from which the skill is recognised",
        "no_zero": "true when no criterion may be rated 0 for recognition",
    }),
    "SheetRow": ("sheet.rows[]", {
        "number": "1.1 for abilities, Б.1 / З.1 for knowledge",
        "kind": "ability or knowledge",
        "group": "«1-қабілет. …» / «Білім. …» on the first row of its item, else empty",
        "outcome_code": "code of the outcome whose criterion it is",
        "text": "the criterion (the program's own, never the outcome's text)",
        "evidence": "the evidence to look at",
        "source_id": "id of the standard's item",
        "questions": "oral questions for the assessor (knowledge rows)",
    }),
    "Session": ("program.sessions[]", {
        "number": "session number",
        "module_id": "module of the session (empty for the final assessment)",
        "title": "the topics taught (numbers and titles; «(жалғасы)» / «(продолжение)» for a topic begun in an "
                 "earlier session), and the assessment it holds",
        "hours": "academic hours",
        "kind": "theory, practice or assessment (what most of its hours are); labels.session_kinds[s.kind] names it",
        "methods": "names of its input, practice and assessment activities (list of text)",
        "minutes": "minutes: hours × minutes of an academic hour; the steps' minutes add up to it",
        "position": "first, middle, last or only: its place in the program",
        "day": "day of the calendar schedule (1, 2 …); see labels.day",
        "date": "date of that day, dd.mm.yyyy, when the spec gives a start date (else empty)",
        "topics": "numbers of the topics taught, and the assessment it holds (list of text)",
        "objectives": "outcomes taught (or, in an assessment session, assessed) (list of Outcome); see filter outcome_codes",
        "observed": "personal-competence outcomes the trainer observes (list of Outcome)",
        "main_activity": "name of its main activity (the practice, else the assessment)",
        "steps": "the timed plan: one row per activity (list of PlanStep)",
        "materials": "materials of all its activities, each once (list of text)",
        "preparation": "preparation of the activities described here and of the main one (list of text)",
        "debrief": "debriefing questions of the main activity (list of text)",
        "tips": "tips for the trainer (list of text)",
        "evidence": "evidence collected for assessment (list of Evidence)",
    }),
    "PlanStep": ("session.steps[]", {
        "number": "row number",
        "start": "start from the session's beginning, 00:12",
        "end": "end, 00:25",
        "minutes": "minutes",
        "stage": "stage of the experiential cycle; labels.session_stages[st.stage] names it",
        "activity_id": "id in the activity library, e.g. practice.case_study",
        "name": "name of the activity",
        "phase": "library phase; labels.activity_terms.phases[st.phase] names it",
        "steps": "its steps with the minutes they take here (list of ActivityStep)",
        "result": "what it produces (may be empty)",
        "online": "how it runs online",
        "described_in": "0 when this plan describes it in full (its first use), else the session whose plan does",
    }),
    "ActivityStep": ("step.steps[]", {
        "title": "title of the step",
        "text": "what the trainer and the participants do",
        "minutes": "minutes of the step in this session",
    }),
    "Evidence": ("session.evidence[]", {
        "what": "what is collected",
        "kinds": "observation, product, interview, self_assessment (list); labels.activity_terms.evidence[k] names one",
        "outcomes": "codes of the outcomes it is evidence of (list of text)",
        "sheet_rows": "rows of the recognition sheets it feeds, «3-модуль: 1, 2» (list of text)",
        "assessed": "true when an assessment activity (or the trainer's observation of personal outcomes) collects it",
    }),
    "MethodUse": ("program.methods_used[]", {
        "name": "name of the activity",
        "phase": "library phase; labels.activity_terms.phases[mu.phase] names it",
        "sessions": "where and how long: «2, 5, 9-сабақтар; барлығы 120 мин»",
        "minutes": "minutes in all",
        "how": "its steps in short: «Нұсқау → Жоспарлау → …»",
        "result": "what it produces (may be empty)",
    }),
    "Conditions": ("program.conditions", {
        "room": "the room and its features (list of text)",
        "equipment": "equipment and materials the activities need (list of text)",
        "materials_note": "where the handouts of each session are listed",
        "trainer": "trainer requirements (list of text)",
        "accessibility": "accessibility (text)",
    }),
    "CalendarDay": ("program.calendar[]", {
        "number": "day number",
        "date": "dd.mm.yyyy, or empty without a start date",
        "label": "the date, or «1-күн» / «День 1»",
        "sessions": "numbers of its sessions (list)",
        "topics": "its sessions' topic numbers and assessments, «1.1, 1.2; 1.3, Аралық бағалау»",
        "hours": "academic hours of the day",
    }),
    "FeedbackForm": ("program.feedback_form", {
        "title": "title of the form",
        "intro": "the opening paragraph",
        "fields": "fields the participant fills in (list of text)",
        "scale": "the rating scale (list of numbers)",
        "scale_legend": "what the numbers mean",
        "rating_heading": "the instruction above the statements",
        "rating_questions": "the statements to rate (list of text)",
        "open_heading": "the instruction above the open questions",
        "open_questions": "open questions (list of text)",
        "closing": "the closing line",
    }),
    "CriteriaShapes": ("program.criteria_shapes", {
        "criteria": "criteria in the program",
        "largest": "uses of the most used sentence",
        "shape": "its id",
        "share": "largest / criteria",
        "limit": "the share the design data allows",
    }),
}

TAGS_HELP = """\
Tags (docxtpl): {{ value }} prints; {%p if … %} / {%p for … %} / {%p endfor %} alone in a paragraph repeat or
hide paragraphs; {%tr for … %} in the first cell of a table row repeats rows; {%tc … %} cells. Type a tag in
one go so Word keeps it in one run, and use straight quotes inside tags. Values are XML-escaped.
"""


def describe(labels_keys: list[str] | None = None) -> str:
    """The text ``progen templates vars`` prints."""
    from generator.render.environment import FILTERS, builtin_filter_names

    out = ["Variables", ""]
    width = max(len(n) for n in TOP_LEVEL)
    out += [f"  {name:<{width}}  {text}" for name, text in TOP_LEVEL.items()]
    for type_name, (reached, fields) in TYPES.items():
        out += ["", f"{type_name}  ({reached})"]
        width = max(len(n) for n in fields)
        out += [f"  .{name:<{width}}  {text}" for name, text in fields.items()]
    if labels_keys:
        out += ["", "Labels  (labels.<key>; kk and ru in labels.yaml)", "  " + ", ".join(labels_keys)]
    out += ["", "Filters  (value|filter)"]
    width = max(len(n) for n in FILTERS)
    out += [f"  {name:<{width}}  {doc}" for name, (_f, doc) in FILTERS.items()]
    out += ["", "Jinja's own filters also work: " + ", ".join(builtin_filter_names()), "", TAGS_HELP]
    return "\n".join(out)
