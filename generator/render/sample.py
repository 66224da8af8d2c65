"""A small hand-built program (card 3412-0-003 of the seed standard М84120) in Kazakh and Russian.

``progen templates check`` renders every template against it so that misspelt variables are found
in every branch (legal module, skill modules, recognition, sheets, sessions); tests use it too.
It has every field of the model filled and no real design behind it: hours are consistent, texts
are taken from the standard and the DESIGN example module.
"""
from __future__ import annotations

from generator.design.program import (
    AssessmentSheet, CoverageRow, Criterion, Hours, Module, Outcome, Program, Provider, Reference, Session,
    SheetCriterion, Topic, sum_hours,
)

CARD = "3412-0-003"

_TEXT = {
    "kk": {
        "prefix": "ОН",
        "standard_title": "Мемлекеттік жастар саясаты саласындағы қызмет",
        "card_name": "Жастармен жұмыс жөніндегі маман",
        "provider": Provider(name="«Жас Өркен» жастар ресурстық орталығы", city="Астана",
                             approver_name="А. Қалиұлы", approver_title="Директор"),
        "format": "күндізгі",
        "audience": "«Жастармен жұмыс жөніндегі маман» кәсібі бойынша жұмыс істейтін немесе жұмыс істеуге ниетті тұлғалар",
        "goal": "Тыңдаушылардың «Жастармен жұмыс жөніндегі маман» кәсібі бойынша еңбек функцияларын орындауға "
                "қажетті кәсіби құзыреттерін кәсіптік стандарт талаптарына сәйкес қалыптастыру және дамыту",
        "tasks": ["кәсіби қызметтің нормативтік-құқықтық негіздерін меңгерту",
                  "«Жастарды ақпараттандыруды және оларға консультация беруді қамтамасыз ету» еңбек функциясы "
                  "бойынша білім мен дағдыларды қалыптастыру",
                  "«Білім беру бағдарламалары арқылы жастардың дамуына ықпал ету» еңбек функциясы бойынша білім мен "
                  "дағдыларды қалыптастыру",
                  "жеке құзыреттерді (коммуникабельділік, эмпатия) дамыту"],
        "entry": "кәсіптік-техникалық білімі бар тұлғалар; мамандықтар: 03 Әлеуметтік ғылымдар және ақпарат",
        "document": "Бейресми білім беру бағдарламасы бойынша оқуды аяқтағаны туралы сертификат",
        "final": "Қорытынды аттестаттау: кешенді практикалық тапсырманы орындау және портфолио қорғау",
        "legal_title": "Кәсіби қызметтің нормативтік-құқықтық негіздері",
        "acts": ["«Мемлекеттік жастар саясаты туралы» Қазақстан Республикасының Заңы",
                 "«Жастар ресурстық орталықтары туралы үлгілік ережені бекіту туралы» Қазақстан Республикасы Ақпарат "
                 "және қоғамдық даму министрінің 2019 жылғы 19 қарашадағы № 444 бұйрығы"],
        "act_outcomes": ["«Мемлекеттік жастар саясаты туралы» Қазақстан Республикасының Заңын біледі",
                         "Жастар ресурстық орталықтары туралы үлгілік ережені біледі"],
        "f1": "Жастарды ақпараттандыруды және оларға консультация беруді қамтамасыз ету",
        "s1": "Жастарға консультация беру",
        "s1_abilities": ["Жастарға сенімді және жүйелі ақпарат беру",
                         "Жастармен жұмыс істеу үшін қажетті коммуникативтік дағдыларды меңгеру"],
        "s1_outcomes": ["жастарға сенімді және жүйелі ақпарат бере алады",
                        "жастармен жұмыс істеу үшін қажетті коммуникативтік дағдыларды меңгере алады"],
        "s1_knowledge": "Жастарға арналған мемлекеттік қолдау шаралары туралы өзекті ақпаратты білу",
        "s1_knows": "жастарға арналған мемлекеттік қолдау шаралары туралы өзекті ақпаратты біледі",
        "s1_topic": "Жастарға арналған мемлекеттік қолдау шаралары туралы өзекті ақпарат",
        "f2": "Білім беру бағдарламалары арқылы жастардың дамуына ықпал ету",
        "s2": "Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу",
        "s2_abilities": ["Оқыту іс-шараларын ұйымдастыру және өткізу",
                         "Дайын білім беру материалдарын пайдалану және бейімдеу"],
        "s2_outcomes": ["оқыту іс-шараларын ұйымдастыра және өткізе алады",
                        "дайын білім беру материалдарын пайдалана және бейімдей алады"],
        "s2_knowledge": "Бейресми білім беру әдістерін білу",
        "s2_knows": "бейресми білім беру әдістерін біледі",
        "s2_topic": "Бейресми білім беру әдістері",
        "methods": ["мини-дәріс", "тренинг-жаттығу", "рөлдік ойын", "рефлексия"],
        "legal_methods": ["мини-дәріс", "сұрақ-жауап"],
        "assessment": ["практикалық тапсырма", "бақылау парағы", "тест"],
        "criterion_apply": "Практикалық тапсырманы нұсқаулыққа сәйкес дербес орындайды",
        "criterion_remember": "Тест тапсырмаларының кемінде 70 пайызына дұрыс жауап береді",
        "note": "Нормативтік-құқықтық білім 1 модульде оқытылады",
        "personal": ["коммуникабельділік", "эмпатия"],
        "standard_ref": "«Мемлекеттік жастар саясаты саласындағы қызмет» кәсіптік стандарты (М84120), нұсқа 1, 2023 ж.",
        "sessions": ("Теориялық сабақ", "Практикалық сабақ", "Бағалау"),
    },
    "ru": {
        "prefix": "РО",
        "standard_title": "Деятельность в сфере государственной молодежной политики",
        "card_name": "Специалист по работе с молодежью",
        "provider": Provider(name="Молодежный ресурсный центр «Жас Өркен»", city="Астана",
                             approver_name="А. Калиулы", approver_title="Директор"),
        "format": "очный",
        "audience": "лица, работающие или планирующие работать по профессии «Специалист по работе с молодежью»",
        "goal": "Формирование и развитие у слушателей профессиональных компетенций, необходимых для выполнения "
                "трудовых функций по профессии «Специалист по работе с молодежью»",
        "tasks": ["освоение нормативных правовых основ профессиональной деятельности",
                  "формирование знаний и умений по трудовой функции «Обеспечение информирования и консультирования "
                  "молодежи»",
                  "формирование знаний и умений по трудовой функции «Содействие развитию молодежи через "
                  "образовательные программы»",
                  "развитие личностных компетенций (коммуникабельность, эмпатия)"],
        "entry": "лица с образованием: техническое и профессиональное; специальности: 03 Социальные науки и информация",
        "document": "Сертификат о прохождении обучения по программе неформального образования",
        "final": "Итоговая аттестация: выполнение комплексного практического задания и защита портфолио",
        "legal_title": "Нормативные правовые основы профессиональной деятельности",
        "acts": ["Закон Республики Казахстан «О государственной молодежной политике»",
                 "Приказ Министра информации и общественного развития Республики Казахстан от 19 ноября 2019 года "
                 "№ 444 «Об утверждении типового положения о молодежных ресурсных центрах»"],
        "act_outcomes": ["знает Закон Республики Казахстан «О государственной молодежной политике»",
                         "знает типовое положение о молодежных ресурсных центрах"],
        "f1": "Обеспечение информирования и консультирования молодежи",
        "s1": "Консультирование молодежи",
        "s1_abilities": ["Предоставлять молодежи достоверную и систематизированную информацию",
                         "Владеть коммуникативными навыками, необходимыми для работы с молодежью"],
        "s1_outcomes": ["умеет предоставлять молодежи достоверную и систематизированную информацию",
                        "умеет применять коммуникативные навыки, необходимые для работы с молодежью"],
        "s1_knowledge": "Актуальная информация о мерах государственной поддержки молодежи",
        "s1_knows": "знает актуальную информацию о мерах государственной поддержки молодежи",
        "s1_topic": "Меры государственной поддержки молодежи",
        "f2": "Содействие развитию молодежи через образовательные программы",
        "s2": "Организация и проведение обучающих мероприятий для молодежи",
        "s2_abilities": ["Организовывать и проводить обучающие мероприятия",
                         "Использовать и адаптировать готовые образовательные материалы"],
        "s2_outcomes": ["умеет организовывать и проводить обучающие мероприятия",
                        "умеет использовать и адаптировать готовые образовательные материалы"],
        "s2_knowledge": "Методы неформального образования",
        "s2_knows": "знает методы неформального образования",
        "s2_topic": "Методы неформального образования",
        "methods": ["мини-лекция", "тренинг-упражнение", "ролевая игра", "рефлексия"],
        "legal_methods": ["мини-лекция", "вопросы и ответы"],
        "assessment": ["практическое задание", "чек-лист наблюдения", "тест"],
        "criterion_apply": "Самостоятельно выполняет практическое задание в соответствии с инструкцией",
        "criterion_remember": "Правильно отвечает не менее чем на 70 процентов тестовых заданий",
        "note": "Нормативные правовые знания изучаются в модуле 1",
        "personal": ["коммуникабельность", "эмпатия"],
        "standard_ref": "Профессиональный стандарт «Деятельность в сфере государственной молодежной политики» "
                        "(М84120), версия 1, 2023 г.",
        "sessions": ("Теоретическое занятие", "Практическое занятие", "Оценка"),
    },
}


def _skill_module(t: dict, number: int, key: str, function_number: int, hours: Hours) -> tuple[Module, list]:
    prefix = t["prefix"]
    skill_id = f"{CARD}/F{function_number}/S1"
    module = Module(id=f"M{number}", number=number, title=t[key], kind="skill", hours=hours,
                    function_id=f"{CARD}/F{function_number}", function_number=function_number,
                    function_title=t[f"f{function_number}"], skill_id=skill_id, recognition=True,
                    methods=list(t["methods"]), assessment=list(t["assessment"]),
                    references=[f"{skill_id}/K1"], reference_note=t["note"])
    coverage = []
    for index, (ability, outcome) in enumerate(zip(t[f"{key}_abilities"], t[f"{key}_outcomes"]), start=1):
        code = f"{prefix} {number}.{index}"
        module.outcomes.append(Outcome(code=code, text=outcome, source_ids=[f"{skill_id}/A{index}"], bloom="apply",
                                       verb=None, kind="ability"))
        module.practical_sessions.append(Topic(number=f"{number}.{index}", title=ability, kind="practice",
                                               source_ids=[f"{skill_id}/A{index}"], hours=hours.practice // 2 +
                                               (hours.practice % 2 if index == 1 else 0)))
        coverage.append(CoverageRow(item_id=f"{skill_id}/A{index}", kind="ability", module_id=module.id,
                                    outcome=code, text=ability))
    code = f"{prefix} {number}.3"
    module.outcomes.append(Outcome(code=code, text=t[f"{key}_knows"], source_ids=[f"{skill_id}/K2"], bloom="remember",
                                   kind="knowledge"))
    module.theory_topics.append(Topic(number=f"{number}.1", title=t[f"{key}_topic"], kind="theory",
                                      source_ids=[f"{skill_id}/K2"], hours=hours.theory))
    coverage.append(CoverageRow(item_id=f"{skill_id}/K2", kind="knowledge", module_id=module.id, outcome=code,
                                text=t[f"{key}_knowledge"]))
    module.criteria = [Criterion(outcome_code=o.code, text=t["criterion_apply" if o.kind == "ability"
                                                              else "criterion_remember"]) for o in module.outcomes]
    return module, coverage


def sample_program(lang: str = "kk") -> Program:
    """The sample program in ``kk`` or ``ru``."""
    t = _TEXT[lang]
    prefix = t["prefix"]
    legal = Module(id="M1", number=1, title=t["legal_title"], kind="legal", hours=Hours(4, 3, 0, 1),
                   methods=list(t["legal_methods"]), assessment=["тест"])
    coverage: list[CoverageRow] = []
    for index, (act, outcome) in enumerate(zip(t["acts"], t["act_outcomes"]), start=1):
        item_id = f"{CARD}/F1/S1/K{index}"
        legal.outcomes.append(Outcome(code=f"{prefix} 1.{index}", text=outcome, source_ids=[item_id],
                                      bloom="remember", kind="knowledge"))
        legal.theory_topics.append(Topic(number=f"1.{index}", title=act, kind="theory", source_ids=[item_id],
                                         hours=2 if index == 1 else 1))
        coverage.append(CoverageRow(item_id=item_id, kind="knowledge", module_id="M1", outcome=f"{prefix} 1.{index}",
                                    text=act))
    legal.criteria = [Criterion(outcome_code=o.code, text=t["criterion_remember"]) for o in legal.outcomes]
    m2, c2 = _skill_module(t, 2, "s1", 1, Hours(10, 3, 6, 1))
    m3, c3 = _skill_module(t, 3, "s2", 2, Hours(10, 3, 6, 1))
    modules = [legal, m2, m3]
    coverage += c2 + c3
    sessions: list[Session] = []
    for module in modules:
        for kind, hours, title in (("theory", module.hours.theory, t["sessions"][0]),
                                   ("practice", module.hours.practice, t["sessions"][1]),
                                   ("assessment", module.hours.assessment, t["sessions"][2])):
            if hours:
                sessions.append(Session(number=len(sessions) + 1, module_id=module.id, title=f"{title}: {module.title}",
                                        hours=hours, kind=kind,
                                        methods=module.assessment if kind == "assessment" else module.methods))
    sheets = []
    for module in (m2, m3):
        sheet = AssessmentSheet(skill_id=module.skill_id, module_id=module.id, title=module.title,
                                function_title=module.function_title or "")
        for outcome in module.outcomes:
            sheet.criteria.append(SheetCriterion(number=len(sheet.criteria) + 1, text=outcome.text,
                                                 source_id=outcome.source_ids[0], kind=outcome.kind))
        sheets.append(sheet)
    bibliography = [Reference(number=1, kind="law", citation=t["acts"][0] + ".", item_ids=[f"{CARD}/F1/S1/K1"]),
                    Reference(number=2, kind="ministerial_order", citation=t["acts"][1] + ".",
                              item_ids=[f"{CARD}/F1/S1/K2"]),
                    Reference(number=3, kind="other", citation=t["standard_ref"])]
    personal = [Outcome(code=f"{prefix} {'Ж' if lang == 'kk' else 'Л'}{i}", text=text,
                        source_ids=[f"{CARD}/personal/{i}"], bloom="apply", kind="personal")
                for i, text in enumerate(t["personal"], start=1)]
    total = sum(m.hours.total for m in modules)
    return Program(
        language=lang, standard_code="М84120", standard_title=t["standard_title"], card_code=CARD,
        card_name=t["card_name"], level="5", title=t["card_name"], total_hours=total, minutes_per_hour=45,
        format=t["format"], audience=t["audience"], group_size="12–20", provider=t["provider"], year=2026,
        goal=t["goal"], tasks=list(t["tasks"]), entry_requirements=t["entry"], document_issued=t["document"],
        modules=modules, cross_cutting_outcomes=personal, bibliography=bibliography, coverage=coverage,
        final_assessment=t["final"], assessment_sheets=sheets, sessions=sessions,
        totals=sum_hours(modules),
        coverage_percent=100.0, warnings=[],
    )
