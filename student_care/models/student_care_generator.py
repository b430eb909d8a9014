# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import random
import time
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

_logger = logging.getLogger(__name__)

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
DEFAULT_GRADE_LEVELS = tuple(range(7, 13))
STREETS = (
    "Canal Street, Church Lane, Elm Avenue, Harbour Road, High Street, Linden Way, "
    "Meadow Lane, Mill Road, Oak Street, Park Avenue, Queen's Road, River Road, "
    "School Lane, Station Road, Willow Drive"
).split(", ")


class StudentCareGenerator(models.AbstractModel):
    """Synthetic institutions for demo data and benchmarks (no real person in them)."""

    _name = "student_care.generator"
    _description = "Synthetic Institution Generator"

    _BATCH = 2000
    _CLASS_SIZE = 25

    @api.model
    def _generate_institution(
        self, company, student_count, seed=1, grade_levels=DEFAULT_GRADE_LEVELS, mentors=None
    ):
        """Create ``student_count`` students with families in ``company``.

        Deterministic for a given seed. Returns a dict with the created records' counts and
        the time it took. Students are spread evenly over the grades, in classes of about
        25; siblings share their guardians.
        """
        started = time.perf_counter()
        rng = random.Random(seed)
        env = self.env(
            context=dict(
                self.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
        )
        partner_model = env["res.partner"]
        grades = self._ensure_grades(grade_levels)
        programmes = self._ensure_programmes(company)
        prefix = company.id * 1000000
        taken = {
            int(n)
            for n in partner_model.search(
                [("company_id", "=", company.id), ("is_student", "=", True)]
            ).mapped("student_number")
            if n and n.isdigit()
        }
        next_number = max(taken, default=prefix) + 1

        # Classes: per grade, enough classes of about 25 students.
        per_grade = [student_count // len(grades)] * len(grades)
        for index in range(student_count % len(grades)):
            per_grade[index] += 1
        class_vals, class_grade_slots = [], []
        for grade, count in zip(grades, per_grade, strict=True):
            n_classes = max(1, -(-count // self._CLASS_SIZE))
            existing = env["student_care.class"].search_count(
                [("company_id", "=", company.id), ("grade_id", "=", grade.id)]
            )
            for index in range(n_classes):
                class_vals.append(
                    {
                        "name": f"{grade.level}{self._class_letter(existing + index)}",
                        "grade_id": grade.id,
                        "company_id": company.id,
                        "mentor_id": mentors[len(class_vals) % len(mentors)].id
                        if mentors
                        else False,
                    }
                )
            class_grade_slots.append((grade, count, n_classes))
        classes = env["student_care.class"].create(class_vals)

        # Students, grade by grade, then families that group 1-3 of them (siblings).
        today = date.today()
        students_vals = []
        class_index = 0
        for grade, count, n_classes in class_grade_slots:
            grade_classes = classes[class_index : class_index + n_classes]
            class_index += n_classes
            for index in range(count):
                age_years = grade.level + 5
                birth = today - relativedelta(years=age_years, days=rng.randint(0, 364))
                students_vals.append(
                    {
                        "is_student": True,
                        "type": "contact",
                        "company_id": company.id,
                        "student_number": str(next_number),
                        "birth_date": birth,
                        "grade_id": grade.id,
                        "class_id": grade_classes[index % n_classes].id,
                        "programme_id": rng.choice(programmes).id,
                        "enrolment_status": "enrolled",
                        "enrolment_date": date(today.year - rng.randint(0, 5), 9, 1),
                        "lang": "en_US",
                    }
                )
                next_number += 1
        rng.shuffle(students_vals)

        families = []
        position = 0
        while position < len(students_vals):
            size = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
            families.append(students_vals[position : position + size])
            position += size

        guardian_vals, link_plans = [], []
        for family in families:
            last_name = rng.choice(LAST_NAMES)
            street = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
            city = company.city or "Riverside"
            for child in family:
                child["name"] = f"{rng.choice(FIRST_NAMES)} {last_name}"
                child["street"], child["city"] = street, city
                child["email"] = f"{child['student_number']}@students.{self._mail_domain(company)}"
            shape = rng.choices(("two", "single", "separated", "foster"), (70, 15, 12, 3))[0]
            adults = {
                "two": [("mother", True, True), ("father", True, True)],
                "single": [(rng.choice(("mother", "father")), True, True)],
                "separated": [("mother", True, True), ("father", True, False)],
                "foster": [("foster_parent", True, True), ("legal_guardian", False, False)],
            }[shape]
            first_guardian = len(guardian_vals)
            for order, (relationship, custody, lives_with) in enumerate(adults):
                names = ADULT_FIRST_NAMES.get(relationship) or rng.choice(
                    list(ADULT_FIRST_NAMES.values())
                )
                first = rng.choice(names)
                guardian_vals.append(
                    {
                        "name": f"{first} {last_name}",
                        "type": "contact",
                        "company_id": company.id,
                        "street": street
                        if lives_with
                        else f"{rng.randint(1, 240)} " f"{rng.choice(STREETS)}",
                        "city": city,
                        "phone": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                        "mobile": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                        "email": f"{first.lower()}.{last_name.lower().replace(' ', '')}"
                        f".{len(guardian_vals)}@example.com",
                        "lang": "en_US",
                    }
                )
                link_plans.append(
                    (family, first_guardian + order, order, relationship, custody, lives_with)
                )

        students = self._create_batched(partner_model, students_vals)
        guardians = self._create_batched(partner_model, guardian_vals)
        student_by_number = dict(zip(students.mapped("student_number"), students.ids, strict=True))
        link_vals = []
        for family, guardian_index, order, relationship, custody, lives_with in link_plans:
            for child in family:
                link_vals.append(
                    {
                        "student_id": student_by_number[child["student_number"]],
                        "guardian_id": guardians[guardian_index].id,
                        "sequence": (order + 1) * 10,
                        "relationship": relationship,
                        "has_custody": custody,
                        "is_living_with_student": lives_with,
                        "is_emergency_contact": order == 0,
                        "is_notice_recipient": custody,
                        "preferred_channel": rng.choices(("phone", "email", "sms"), (5, 3, 2))[0],
                    }
                )
        links = self._create_batched(env["student_care.guardian.link"], link_vals)
        elapsed = time.perf_counter() - started
        _logger.info(
            "Generated %s students, %s guardians, %s guardian links, %s classes in %.1f s",
            len(students),
            len(guardians),
            len(links),
            len(classes),
            elapsed,
        )
        return {
            "students": len(students),
            "guardians": len(guardians),
            "links": len(links),
            "classes": len(classes),
            "families": len(families),
            "seconds": elapsed,
        }

    @api.model
    def _generate_demo_school(self):
        """Demo data: ~200 students with families at the main company (runs once)."""
        if self.env.ref("student_care.student_care_class_9a_demo", raise_if_not_found=False):
            return False
        company = self.env.ref("base.main_company")
        self._generate_institution(company, 198, seed=2026)
        teacher = self.env.ref("student_care.user_teacher_demo")
        classes = self.env["student_care.class"].search([("company_id", "=", company.id)])
        programmes = self.env["student_care.programme"].search([("company_id", "=", company.id)])
        xmlids = [
            {
                "xml_id": f"student_care.student_care_programme_{prog.code.lower()}_demo",
                "record": prog,
                "noupdate": True,
            }
            for prog in programmes
        ]
        for cls in classes:
            xmlids.append(
                {
                    "xml_id": f"student_care.student_care_class_{cls.name.lower()}_demo",
                    "record": cls,
                    "noupdate": True,
                }
            )
        self.env["ir.model.data"]._update_xmlids(xmlids)
        class_9a = self.env.ref("student_care.student_care_class_9a_demo")
        class_9a.write({"mentor_id": teacher.id, "teacher_ids": [Command.link(teacher.id)]})
        class_9a.student_ids.write({"mentor_id": teacher.id})
        return True

    @api.model
    def _generate_demo_cases(self, count=14, seed=2026):
        """Demo data: cases over the whole pipeline for random demo students (runs once)."""
        company = self.env.ref("base.main_company")
        cases = self.env["student_care.case"]
        if cases.search_count([("company_id", "=", company.id)]) > 2:
            return False
        rng = random.Random(seed)
        team = self.env.ref("student_care.student_care_team_riverside_demo")
        owners = self.env.ref("student_care.user_careworker_demo") | self.env.ref(
            "student_care.user_caremanager_demo"
        )
        students = self.env["res.partner"].search(
            [("company_id", "=", company.id), ("is_student", "=", True)], order="id"
        )
        stages = self.env["student_care.case.stage"].search([])
        categories = self.env["student_care.case.category"].search([])
        now = fields.Datetime.now()
        vals_list = []
        for student in rng.sample(list(students), count):
            stage = rng.choice(stages)
            signal = now - timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 8))
            vals_list.append(
                {
                    "student_id": student.id,
                    "company_id": company.id,
                    "category_id": rng.choice(categories).id,
                    "origin": rng.choice(("teacher", "teacher", "guardian", "self_referral")),
                    "team_id": team.id,
                    "user_id": rng.choice(owners).id if stage.sequence > 1 else False,
                    "stage_id": stage.id,
                    "priority": rng.choice("0001123"),
                    "signal_date": signal,
                    "first_contact_date": (signal + timedelta(days=1)).date()
                    if stage.sequence > 2
                    else False,
                    "outcome": rng.choice(("resolved", "no_action")) if stage.is_closed else False,
                }
            )
        cases.create(vals_list)
        return True

    @api.model
    def _create_batched(self, model, vals_list):
        records = model.browse()
        for start in range(0, len(vals_list), self._BATCH):
            records |= model.create(vals_list[start : start + self._BATCH])
            model.env.flush_all()
            model.env.invalidate_all()
        return records

    @api.model
    def _ensure_grades(self, levels):
        grade_model = self.env["student_care.grade"]
        grades = grade_model.search([("level", "in", list(levels)), ("company_id", "=", False)])
        missing = [level for level in levels if level not in grades.mapped("level")]
        grades |= grade_model.create(
            [{"name": f"Grade {level}", "level": level, "sequence": level} for level in missing]
        )
        return grades.sorted("level")

    @api.model
    def _ensure_programmes(self, company):
        programme_model = self.env["student_care.programme"]
        programmes = programme_model.search([("company_id", "=", company.id)])
        if not programmes:
            programmes = programme_model.create(
                [
                    {"name": name, "code": code, "company_id": company.id}
                    for code, name in (
                        ("GEN", "General Studies"),
                        ("STEM", "Science & Technology"),
                        ("HUM", "Arts & Humanities"),
                        ("VOC", "Vocational: Health & Care"),
                    )
                ]
            )
        return programmes

    @staticmethod
    def _class_letter(index):
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        return letters[index] if index < 26 else f"{letters[index // 26 - 1]}{letters[index % 26]}"

    @staticmethod
    def _mail_domain(company):
        return (company.email or "school.example.com").split("@")[-1]
