# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each family gets its own language: the Dutch and Spanish translations shipped in the
add-ons' i18n/ folders are loaded as Odoo loads them for a school, and the portal page,
the notice e-mail and the text message come out in the guardian's language."""

from odoo.tests import HttpCase, tagged

from .excuse_common import DAY, FamilyPortalCommon

LANGS = ("nl_NL", "es_ES")


@tagged("post_install", "-at_install")
class TestFamilyLanguages(FamilyPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)
        modules = cls.env["ir.module.module"].search(
            [("name", "in", ("student_care", "student_care_attendance"))]
        )
        modules._update_translations(list(LANGS), overwrite=True)
        cls.env["student_care.attendance"].create(
            {"student_id": cls.student.id, "date": DAY, "period": 1, "status": "absent"}
        )

    def test_portal_home_in_the_guardians_language(self):
        expected = {
            "nl_NL": ("Afwezigheid melden", "schooldagen gemist"),
            "es_ES": ("Comunicar una ausencia", "Lotte Visser"),
        }
        for lang, texts in expected.items():
            self.mother_user.lang = lang
            self.authenticate(self.mother_user.login, self.mother_user.login)
            page = self.url_open("/my").text
            with self.subTest(lang=lang):
                for text in texts:
                    self.assertIn(text, page)
                self.assertNotIn("Report an absence", page)

    def test_notice_email_and_text_in_the_guardians_language(self):
        template = self.env.ref("student_care_attendance.mail_template_first_absence")
        Notice = self.env["student_care.attendance.notice"]
        notices = Notice.create(
            [
                {
                    "student_id": self.student.id,
                    "guardian_id": self.mother.id,
                    "kind": "first_absence",
                    "template_id": template.id,
                    "lang": lang,
                }
                for lang in ("en_US", *LANGS)
            ]
        )
        subjects = template._render_field("subject", notices.ids, compute_lang=True)
        self.assertEqual(subjects[notices[0].id], "Lotte Visser is absent today")
        self.assertEqual(subjects[notices[2].id], "Lotte Visser está ausente hoy")
        self.assertNotEqual(subjects[notices[1].id], subjects[notices[0].id])
        texts = [notice._sms_text(portal_ids={notice.id}) for notice in notices]
        self.assertIn("waiting for you on the portal", texts[0])
        self.assertIn("voor u klaar op het portaal", texts[1])
        self.assertNotIn("waiting for you", texts[2])
        for text in texts:
            self.assertLessEqual(len(text.split(": http")[0]), 160)
