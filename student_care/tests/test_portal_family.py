# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A guardian keeps their own contact details and channel up to date on the portal; the
office sees every change. A student of the consent age reads the consents they gave."""

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .portal import PortalCommon
from .probes import MUTED


@tagged("post_install", "-at_install")
class TestPortalFamily(HttpCase, PortalCommon):
    def _post_family(self, **values):
        data = {
            "phone": self.mother.phone or "",
            "mobile": "",
            "email": self.mother.email,
            "preferred_channel": "keep",
            "lang": "en_US",
            "csrf_token": self.csrf_token(),
            **values,
        }
        return self.url_open("/my/family", data=data, allow_redirects=False)

    def csrf_token(self):
        page = self.url_open("/my/family").text
        marker = 'name="csrf_token" value="'
        return page.split(marker, 1)[1].split('"', 1)[0]

    def test_form_shows_own_details(self):
        self.authenticate("pc_mother", "pc_mother")
        page = self.url_open("/my/family")
        self.assertEqual(page.status_code, 200)
        self.assertIn("anja.visser@example.com", page.text)
        self.assertIn("How should the school send you notices?", page.text)
        # The channel agreed with the office (a phone call) is kept unless she chooses.
        self.assertIn("As agreed with the school (Phone call)", page.text)
        for staff in self.staff_names:
            self.assertNotIn(staff, page.text)

    def test_only_guardians_have_the_form(self):
        self.authenticate("pc_student", "pc_student")
        self.assertEqual(self.url_open("/my/family").status_code, 404)
        self.assertNotIn("/my/family", self.url_open("/my").text)

    def test_odoo_details_form_is_tracked_and_closed_to_students(self):
        self.mother.write({"street": "1 Canal Street", "city": "Leiden"})
        self.mother.country_id = self.env.ref("base.nl")
        self.authenticate("pc_mother", "pc_mother")
        page = self.url_open("/my/account").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = self.url_open(
            "/my/account",
            data={
                "csrf_token": token,
                "name": "Anja Visser",
                "email": "anja.visser@example.com",
                "phone": "+31 6 1234 5678",
                "street": "1 Canal Street",
                "city": "Delft",
                "country_id": str(self.env.ref("base.nl").id),
                "zipcode": "",
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        self.assertEqual(self.mother.city, "Delft")
        self.assertTrue(self.mother.portal_updated_date)
        note = self.mother.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("Leiden", note.body)
        self.assertIn("Delft", note.body)
        self.authenticate("pc_student", "pc_student")
        self.assertEqual(self.url_open("/my/account").status_code, 404)
        self.assertNotIn('href="/my/account"', self.url_open("/my").text)

    def test_update_is_written_tracked_and_findable(self):
        self.authenticate("pc_mother", "pc_mother")
        response = self._post_family(
            email="anja@example.org", mobile="+31 6 2222 3333", preferred_channel="sms"
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/my/family?saved=1", response.headers["Location"])
        self.assertIn(
            "Thank you, your details are saved.", self.url_open("/my/family?saved=1").text
        )
        self.env.invalidate_all()
        self.assertEqual(self.mother.email, "anja@example.org")
        self.assertTrue(self.mother.mobile)
        links = self.mother.child_link_ids
        self.assertEqual(len(links), 2)
        self.assertEqual(set(links.mapped("preferred_channel")), {"sms"})
        self.assertTrue(self.mother.portal_updated_date)
        note = self.mother.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(note), 1)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertTrue(note.subtype_id.internal, "an internal note: the office's, not a mail")
        self.assertIn("Contact details updated on the portal", note.body)
        self.assertIn("anja.visser@example.com", note.body)
        self.assertIn("anja@example.org", note.body)
        self.assertIn("Phone call", note.body)
        self.assertIn("Text message", note.body)
        # The office's filter "Updated on the Portal" finds her, and nobody else.
        found = (
            self.env["res.partner"]
            .with_user(self.users["caremanager"])
            .search([("is_guardian", "=", True), ("portal_updated_date", "!=", False)])
        )
        self.assertEqual(found, self.mother)

    def test_nothing_changed_writes_nothing(self):
        self.authenticate("pc_mother", "pc_mother")
        self.assertEqual(self._post_family().status_code, 303)
        self.env.invalidate_all()
        self.assertFalse(self.mother.portal_updated_date)

    @mute_logger(*MUTED)
    def test_bad_input_is_explained_not_saved(self):
        self.authenticate("pc_mother", "pc_mother")
        cases = {
            "email": ({"email": "anja-at-home"}, "does not look right"),
            "phone": ({"phone": "call me maybe"}, "This phone number is not valid"),
            "channel": ({"preferred_channel": "carrier_pigeon"}, "Please choose how"),
            "lang": ({"lang": "xx_XX"}, "Please choose one of the languages"),
            "sms without mobile": ({"preferred_channel": "sms", "mobile": ""}, "mobile number"),
        }
        for label, (values, message) in cases.items():
            with self.subTest(case=label):
                response = self._post_family(**values)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.env.invalidate_all()
                self.assertEqual(self.mother.email, "anja.visser@example.com")
                self.assertFalse(self.mother.portal_updated_date)

    @mute_logger(*MUTED)
    def test_other_fields_are_ignored(self):
        """The form writes its five fields only, whatever else a client posts."""
        self.authenticate("pc_mother", "pc_mother")
        response = self._post_family(
            name="Someone Else",
            is_student="1",
            company_id=str(self.other_school.id),
            email="anja@example.org",
        )
        self.assertEqual(response.status_code, 303)
        self.env.invalidate_all()
        self.assertEqual(self.mother.name, "Anja Visser")
        self.assertFalse(self.mother.is_student)
        self.assertEqual(self.mother.company_id, self.school)
        self.assertEqual(self.mother.email, "anja@example.org")
        # The other guardian's contact is untouched.
        self.assertEqual(self.guardians["legal"].email, "legal@example.com")

    def test_consents_page(self):
        agency = self.env["res.partner"].create({"name": "Youth Service", "is_company": True})
        Consent = self.env["student_care.consent"]
        Consent.create(
            {"student_id": self.student.id, "given_by": "student", "agency_id": agency.id,
             "purpose": "Wellbeing updates"}
        )  # fmt: skip
        Consent.create(
            {"student_id": self.student.id, "given_by": "guardian",
             "guardian_id": self.mother.id, "agency_id": agency.id, "purpose": "Family plan"}
        )  # fmt: skip
        self.authenticate("pc_student", "pc_student")
        page = self.url_open("/my/consents")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Youth Service", page.text)
        self.assertIn("Wellbeing updates", page.text)
        self.assertNotIn("Family plan", page.text)
        self.assertIn("My Consents", self.url_open("/my").text)
        self.authenticate("pc_mother", "pc_mother")
        self.assertNotIn("Wellbeing updates", self.url_open("/my/consents").text)


@tagged("post_install", "-at_install")
class TestPortalDemo(HttpCase):
    """The demo's family logins (README): Mila Okafor sees Jayden and Ruby; Ruby, 16, has
    her own login and sees herself and the consent she gave."""

    def test_demo_family_logins(self):
        self.authenticate("mila", "mila")
        home = self.url_open("/my").text
        self.assertIn("Jayden Okafor", home)
        self.assertIn("Ruby Okafor", home)
        self.assertIn("Your children", home)
        self.assertNotIn("Tessa Teacher", home)
        self.authenticate("ruby", "ruby")
        home = self.url_open("/my").text
        self.assertIn("Ruby Okafor", home)
        self.assertNotIn("Jayden Okafor", home)
        consents = self.url_open("/my/consents").text
        self.assertIn("Riverside Youth Counselling Service", consents)
