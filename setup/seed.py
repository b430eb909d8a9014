# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Synthetic institutions for benchmarks and ``setup/generate`` (no real person in them).

The one seeder of the project. It runs inside an Odoo environment (superuser) and is never
installed into a school's database: the benchmarks import it by path, tests load it with
``importlib``. Deterministic for a given seed.

- :func:`seed_institution`: students in classes of about 25 per grade, with families (1-3
  siblings share their guardians) and programmes.
- :func:`seed_attendance`: period attendance on weekdays with one absence model
  (:data:`PROFILES`): most students rarely miss a day, about one in eight is chronically
  absent, and half of those are truants who skip without an excuse.
- :func:`seed_scans`: building-entry scans for some of the students absent in a period.
- :func:`seed_cases` and :func:`seed_services`: care cases and delivered care services
  (billing add-on) for the invoicing benchmark.
"""

import random
import time
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

BATCH = 2000  # records per ORM create
ATTENDANCE_BATCH = 200_000  # period rows per bulk insert
CLASS_SIZE = 25
DEFAULT_GRADE_LEVELS = tuple(range(7, 13))
PERIODS_PER_DAY = 6
PERIOD_MINUTES = 50
TARDY_MINUTES = 10

# The absence model: share of students per profile and the range of the share of school
# days each of them misses (Attendance Works tiers: satisfactory, at risk, moderate and
# severe chronic absence). A chronically absent student is a truant half of the time.
PROFILES = ((0.70, 0.0, 0.04), (0.18, 0.05, 0.09), (0.09, 0.10, 0.19), (0.03, 0.20, 0.35))
TRUANT_SHARE = 0.5
EXCUSED_REASONS = ("ILL", "ILL", "MED", "FAM")

FIRST_NAMES = (
    "Aisha Amir Anna Ava Ben Chloe Daan Daniel Eli Emma Ethan Eva Fatima Finn Grace Hannah "
    "Hugo Ibrahim Isabella Jack James Jayden Julia Kai Lars Layla Leo Liam Lily Lucas Luna "
    "Maria Mason Mateo Maya Mila Mohammed Nina Noah Noor Olivia Omar Priya Rafael Rosa Ruby "
    "Sam Sara Sem Sofia Tess Thomas Yara Yusuf Zara Zoe"
).split()
ADULT_FIRST_NAMES = {
    "mother": "Amal Anja Carmen Claire Diana Elena Esther Fiona Ingrid Joyce Karin Leila "
    "Linda Marta Monique Nadia Patricia Rachel Sandra Sophie Tanya Ursula Vera Wendy".split(),
    "father": "Ahmed Alan Bart Carlos David Erik Frank Gerard Hassan Ivan Jan Joost Kevin "
    "Marco Mark Niels Oscar Paul Peter Ricardo Stefan Tom Victor Willem".split(),
}
LAST_NAMES = (
    "Adams, Bakker, Baker, Brown, Chen, Clark, Costa, de Jong, de Vries, Dekker, Diaz, Evans, "
    "Garcia, Hendriks, Hughes, Jansen, Johnson, Kaya, Khan, Kim, Lee, Lopez, Martin, Meijer, "
    "Mendes, Miller, Mulder, Nguyen, Novak, Okafor, Patel, Perez, Peters, Rossi, Schmidt, "
    "Singh, Smit, Smith, Taylor, Thompson, van Dijk, Visser, Walker, Williams, Wilson, Yilmaz"
).split(", ")
STREETS = (
    "Canal Street, Church Lane, Elm Avenue, Harbour Road, High Street, Linden Way, "
    "Meadow Lane, Mill Road, Oak Street, Park Avenue, Queen's Road, River Road, "
    "School Lane, Station Road, Willow Drive"
).split(", ")
PROGRAMMES = (
    ("GEN", "General Studies"),
    ("STEM", "Science & Technology"),
    ("HUM", "Arts & Humanities"),
    ("VOC", "Vocational: Health & Care"),
)
# The family shapes: (weight, [(relationship, has custody, lives with the children)]).
FAMILY_SHAPES = (
    (70, (("mother", True, True), ("father", True, True))),
    (15, (("single", True, True),)),
    (12, (("mother", True, True), ("father", True, False))),
    (3, (("foster_parent", True, True), ("legal_guardian", False, False))),
)
LINK_MODEL = "student_care.guardian.link"


def quiet(env):
    """The environment for bulk creation: no chatter messages, followers or tracking."""
    return env(
        context=dict(
            env.context,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_notrack=True,
        )
    )


def create_batched(model, vals_list):
    records = model.browse()
    for start in range(0, len(vals_list), BATCH):
        records |= model.create(vals_list[start : start + BATCH])
        model.env.flush_all()
        model.env.invalidate_all()
    return records


def ensure_grades(env, levels):
    grade_model = env["student_care.grade"]
    grades = grade_model.search([("level", "in", list(levels)), ("company_id", "=", False)])
    missing = [level for level in levels if level not in grades.mapped("level")]
    grades |= grade_model.create(
        [{"name": f"Grade {level}", "level": level, "sequence": level} for level in missing]
    )
    return grades.sorted("level")


def ensure_programmes(env, company):
    programmes = env["student_care.programme"].search([("company_id", "=", company.id)])
    return programmes or env["student_care.programme"].create(
        [{"name": name, "code": code, "company_id": company.id} for code, name in PROGRAMMES]
    )


def class_letter(index):
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index] if index < 26 else f"{letters[index // 26 - 1]}{letters[index % 26]}"


def _seed_classes(env, company, grades, student_count, mentors):
    """Per grade enough classes of about CLASS_SIZE; returns [(grade, count, classes)]."""
    per_grade = [student_count // len(grades)] * len(grades)
    for index in range(student_count % len(grades)):
        per_grade[index] += 1
    class_vals, slots = [], []
    for grade, count in zip(grades, per_grade, strict=True):
        n_classes = max(1, -(-count // CLASS_SIZE))
        existing = env["student_care.class"].search_count(
            [("company_id", "=", company.id), ("grade_id", "=", grade.id)]
        )
        slots.append((grade, count, len(class_vals), n_classes))
        class_vals += [
            {
                "name": f"{grade.level}{class_letter(existing + index)}",
                "grade_id": grade.id,
                "company_id": company.id,
                "mentor_id": mentors[(len(class_vals) + index) % len(mentors)].id
                if mentors
                else False,
            }
            for index in range(n_classes)
        ]
    classes = env["student_care.class"].create(class_vals)
    return classes, [
        (grade, count, classes[first : first + n]) for grade, count, first, n in slots
    ]


def _student_vals(env, company, slots, rng):
    partners = env["res.partner"]
    taken = {
        int(number)
        for number in partners.search(
            [("company_id", "=", company.id), ("is_student", "=", True)]
        ).mapped("student_number")
        if number and number.isdigit()
    }
    next_number = max(taken, default=company.id * 1_000_000) + 1
    programmes = ensure_programmes(env, company)
    today = date.today()
    vals_list = []
    for grade, count, classes in slots:
        for index in range(count):
            vals_list.append(
                {
                    "is_student": True,
                    "type": "contact",
                    "company_id": company.id,
                    "student_number": str(next_number),
                    "birth_date": today
                    - relativedelta(years=grade.level + 5, days=rng.randint(0, 364)),
                    "grade_id": grade.id,
                    "class_id": classes[index % len(classes)].id,
                    "programme_id": rng.choice(programmes).id,
                    "enrolment_status": "enrolled",
                    "enrolment_date": date(today.year - rng.randint(0, 5), 9, 1),
                    "lang": "en_US",
                }
            )
            next_number += 1
    rng.shuffle(vals_list)
    return vals_list


def _families(company, students_vals, rng):
    """Group the students into families (1-3 siblings); name and house them; returns
    (guardian values, [(children, guardian index, order, relationship, custody, lives with)])."""
    domain = (company.email or "school.example.com").split("@")[-1]
    city = company.city or "Riverside"
    guardian_vals, plans, position = [], [], 0
    while position < len(students_vals):
        size = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
        children = students_vals[position : position + size]
        position += size
        last_name = rng.choice(LAST_NAMES)
        street = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
        for child in children:
            child["name"] = f"{rng.choice(FIRST_NAMES)} {last_name}"
            child.update(street=street, city=city)
            child["email"] = f"{child['student_number']}@students.{domain}"
        weights, shapes = zip(*FAMILY_SHAPES, strict=True)
        adults = rng.choices(shapes, weights)[0]
        for order, (relationship, custody, lives_with) in enumerate(adults):
            if relationship == "single":
                relationship = rng.choice(("mother", "father"))
            first = rng.choice(
                ADULT_FIRST_NAMES.get(relationship) or rng.choice(list(ADULT_FIRST_NAMES.values()))
            )
            plans.append((children, len(guardian_vals), order, relationship, custody, lives_with))
            guardian_vals.append(
                {
                    "name": f"{first} {last_name}",
                    "type": "contact",
                    "company_id": company.id,
                    "street": street
                    if lives_with
                    else f"{rng.randint(1, 240)} {rng.choice(STREETS)}",
                    "city": city,
                    "phone": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    "mobile": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    "email": f"{first.lower()}.{last_name.lower().replace(' ', '')}"
                    f".{len(guardian_vals)}@example.com",
                    "lang": "en_US",
                }
            )
    return guardian_vals, plans


def seed_institution(
    env, company, student_count, seed=1, grade_levels=DEFAULT_GRADE_LEVELS, mentors=None
):
    """Create ``student_count`` students with their families and classes in ``company``.

    Another run on the same institution adds new students with new numbers and classes.
    Returns the counts of what was created and the seconds it took.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    env = quiet(env)
    grades = ensure_grades(env, grade_levels)
    classes, slots = _seed_classes(env, company, grades, student_count, mentors)
    students_vals = _student_vals(env, company, slots, rng)
    guardian_vals, plans = _families(company, students_vals, rng)
    students = create_batched(env["res.partner"], students_vals)
    guardians = create_batched(env["res.partner"], guardian_vals)
    student_by_number = dict(zip(students.mapped("student_number"), students.ids, strict=True))
    link_vals = [
        {
            "student_id": student_by_number[child["student_number"]],
            "guardian_id": guardians[index].id,
            "sequence": (order + 1) * 10,
            "relationship": relationship,
            "has_custody": custody,
            "is_living_with_student": lives_with,
            "is_emergency_contact": order == 0,
            "is_notice_recipient": custody,
            "preferred_channel": rng.choices(("phone", "email", "sms"), (5, 3, 2))[0],
        }
        for children, index, order, relationship, custody, lives_with in plans
        for child in children
    ]
    links = create_batched(env[LINK_MODEL], link_vals)
    return {
        "students": len(students),
        "guardians": len(guardians),
        "links": len(links),
        "classes": len(classes),
        "families": len({id(children) for children, *_rest in plans}),
        "seconds": time.perf_counter() - started,
    }


# --- attendance ----------------------------------------------------------------------------


def absence_profile(student_id, seed=1):
    """(share of days missed, truant) of one student: the same for every call, whatever the
    other students are, so that history and today's roll call of a student agree."""
    rng = random.Random(f"{seed}:{student_id}")
    pick = rng.random()
    for share, low, high in PROFILES:
        if pick < share:
            rate = rng.uniform(low, high)
            break
        pick -= share
    else:
        rate = PROFILES[-1][2]
    return rate, rate >= 0.10 and rng.random() < TRUANT_SHARE


def school_days(date_from, date_to):
    """The weekdays from ``date_from`` to ``date_to`` included."""
    days = (date_from + timedelta(days=offset) for offset in range((date_to - date_from).days + 1))
    return [day for day in days if day.weekday() < 5]


def _day_rows(profile, periods, rng):
    """One school day of a student: [(period, status, reason code, minutes missed)]."""
    rate, truant = profile
    if rng.random() < rate:
        reason = "UNX" if truant or rng.random() < 0.2 else rng.choice(EXCUSED_REASONS)
        return [(period, "absent", reason, PERIOD_MINUTES) for period in periods]
    skipped = rng.randint(2, PERIODS_PER_DAY) if truant and rng.random() < 0.15 else 0
    tardy = 1 if rng.random() < 0.03 else 0
    rows = []
    for period in periods:
        if period == skipped:
            rows.append((period, "absent", "UNX", PERIOD_MINUTES))
        elif period == tardy:
            rows.append((period, "tardy", False, TARDY_MINUTES))
        else:
            rows.append((period, "present", False, 0))
    return rows


def attendance_vals(env, students, day, periods=None, seed=1, source="import", profiles=None):
    """The attendance values of ``students`` on ``day`` under the absence model, in the
    shape the attendance model's bulk insert takes. ``profiles`` (student id: profile)
    saves recomputing them day after day."""
    reasons = {r.code: r.id for r in env["student_care.attendance.reason"].search([])}
    periods = periods or range(1, PERIODS_PER_DAY + 1)
    profiles = profiles or {sid: absence_profile(sid, seed) for sid in students.ids}
    rng = random.Random(f"{seed}:{day.isoformat()}")
    return [
        {
            "student_id": student_id,
            "date": day,
            "period": period,
            "status": status,
            "reason_id": reasons.get(reason) or False,
            "minutes_missed": minutes,
            "source": source,
            "note": False,
        }
        for student_id in sorted(students.ids)
        for period, status, reason, minutes in _day_rows(profiles[student_id], periods, rng)
    ]


def enrolled_students(env, company):
    return env["res.partner"].search(
        [
            ("company_id", "=", company.id),
            ("is_student", "=", True),
            ("enrolment_status", "=", "enrolled"),
        ],
        order="id",
    )


def seed_attendance(
    env, company, date_from, date_to, periods=None, seed=1, source="import", commit=False
):
    """Attendance of every enrolled student of ``company`` on the weekdays from ``date_from``
    to ``date_to`` (the given ``periods`` only, default all), written through the attendance
    model's bulk insert. Days on which the institution already has attendance are left as
    they are, so a second run adds nothing. ``commit`` commits after every batch (a school
    year of a large institution). Returns the number of rows written."""
    attendance = env["student_care.attendance"].with_company(company).sudo()
    seeded = {
        day
        for (day,) in attendance._read_group(
            [("company_id", "=", company.id), ("date", ">=", date_from), ("date", "<=", date_to)],
            ["date:day"],
        )
    }
    students = enrolled_students(env, company)
    profiles = {sid: absence_profile(sid, seed) for sid in students.ids}
    written, batch = 0, []
    for day in school_days(date_from, date_to):
        if day in seeded:
            continue
        batch += attendance_vals(env, students, day, periods, seed, source, profiles)
        if len(batch) >= ATTENDANCE_BATCH:
            written += _insert(attendance, batch, commit)
            batch = []
    return written + _insert(attendance, batch, commit)


def _insert(attendance, vals_list, commit):
    if vals_list:
        attendance._bulk_insert(vals_list)
        attendance.env.flush_all()
        if commit:
            attendance.env.cr.commit()
        attendance.env.invalidate_all()
    return len(vals_list)


def seed_scans(env, company, day, share=1 / 3, period=1, seed=1, device="Main entrance"):
    """Entry scans on ``day`` for ``share`` of the students absent in ``period``, the way
    late arrivals walk through the gate before anybody calls. Returns the scans."""
    absent = env["student_care.attendance"].search(
        [
            ("company_id", "=", company.id),
            ("date", "=", day),
            ("period", "=", period),
            ("status", "=", "absent"),
        ],
        order="student_id",
    )
    rng = random.Random(f"{seed}:scans:{day.isoformat()}")
    morning = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
    return quiet(env)["student_care.attendance.scan"].create(
        [
            {
                "student_id": row.student_id.id,
                "scan_time": morning + timedelta(minutes=rng.randint(5, 90)),
                "device": device,
                "source": "import",
            }
            for row in absent
            if rng.random() < share
        ]
    )


# --- care cases and services ---------------------------------------------------------------


def seed_cases(env, company, count, seed=1):
    """One care case each for ``count`` students of ``company`` (the first by id)."""
    students = enrolled_students(env, company)[:count]
    category = env["student_care.case.category"].search([], limit=1)
    return create_batched(
        quiet(env)["student_care.case"],
        [
            {"student_id": s.id, "company_id": company.id, "category_id": category.id}
            for s in students
        ],
    )


def seed_services(env, cases, products, departments, count, date_from, date_to, seed=1):
    """``count`` delivered services (billing add-on) spread over ``cases``, ``products``
    and ``departments`` on the days from ``date_from`` to ``date_to``."""
    rng = random.Random(seed)
    span = (date_to - date_from).days
    return create_batched(
        quiet(env)["student_care.service.delivery"],
        [
            {
                "case_id": rng.choice(cases).id,
                "product_id": rng.choice(products).id,
                "department_id": rng.choice(departments).id,
                "date": date_from + timedelta(days=rng.randint(0, span)),
                "quantity": rng.choice((1, 1, 1, 1.5, 2)),
                "provider_id": env.uid,
            }
            for _index in range(count)
        ],
    )
