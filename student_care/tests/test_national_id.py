# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import StudentCareCommon

VALID = {
    "nl": ["111222333", "1112.22.333"],
    "be": ["85.07.30-033 28"],
    "us": ["536-90-4399"],
    "fr": ["2 95 10 99 126 111 93"],
    "de": ["36 574 261 809"],
    "es": ["54362315K", "X2482300W"],
    "it": ["RCCMNL83S18D969H"],
    "uk": ["943 476 5919"],
}
# (country, number, words the message must contain)
INVALID = [
    ("nl", "111222334", ["Netherlands", "BSN", "check digit"]),
    ("nl", "1234567890", ["Netherlands", "wrong number of characters"]),
    ("be", "85.07.30-033 29", ["Belgium", "national register number", "check digit"]),
    ("us", "000-12-3456", ["United States", "Social Security Number", "part of it"]),
    ("fr", "2 95 10 99 126 111 94", ["France", "NIR", "check digit"]),
    ("de", "36 574 261 808", ["Germany", "Steuer-IdNr", "check digit"]),
    ("es", "54362315Z", ["Spain", "DNI / NIE", "check digit"]),
    ("it", "RCCMNL83S18D969X", ["Italy", "codice fiscale", "check digit"]),
    ("uk", "943 476 5918", ["United Kingdom", "NHS number", "check digit"]),
    ("uk", "94347A5919", ["United Kingdom", "characters that are not allowed"]),
]


class TestNationalId(StudentCareCommon):
    def _student_in(self, country_code):
        self.counter = getattr(self, "counter", 0) + 1
        return self.create_student(
            "Id Student",
            f"ID-{country_code}-{self.counter}",
            country_id=self.env.ref(f"base.{country_code}").id,
        )

    def test_valid_numbers_accepted(self):
        for code, numbers in VALID.items():
            student = self._student_in(code)
            for number in numbers:
                with self.subTest(country=code, number=number):
                    student.national_id = number
                    self.assertEqual(student.national_id, number)

    def test_invalid_numbers_refused_with_clear_message(self):
        for code, number, words in INVALID:
            student = self._student_in(code)
            with self.subTest(country=code, number=number):
                with self.assertRaises(ValidationError) as caught:
                    student.national_id = number
                message = str(caught.exception)
                self.assertIn(number, message)
                for word in words:
                    self.assertIn(word, message)

    def test_unknown_country_accepted_unvalidated(self):
        student = self._student_in("br")
        student.national_id = "anything 123"
        self.assertEqual(student.national_id, "anything 123")

    def test_country_change_revalidates(self):
        student = self._student_in("nl")
        student.national_id = "111222333"
        with self.assertRaisesRegex(ValidationError, "Spain"):
            student.country_id = self.env.ref("base.es")

    def test_institution_country_used_when_student_has_none(self):
        student = self.create_student("No Country", "ID-none", country_id=False)
        # The school is Dutch: an invalid BSN is refused.
        with self.assertRaisesRegex(ValidationError, "Netherlands"):
            student.national_id = "111222334"
