# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .inquiry_common import InquiryCommon
from .tours import PhoneTourCase, RoleTourCase


@tagged("post_install", "-at_install")
class TestInquiryPhoneTour(PhoneTourCase, InquiryCommon):
    def start_family_tour(self, url, tour_name):
        """A family tour starts at the public URL, without logging in."""
        self.start_role_tour(tour_name, None, url=url)

    def test_family_asks_department_answers_family_rates(self):
        self.topic.name = "Tour Transport"
        self.start_family_tour("/school/ask", "student_care_inquiry_ask")
        inquiry = self.env["student_care.inquiry"].search(
            [("email_from", "=", "tina.tour@example.com")]
        )
        self.assertEqual(len(inquiry), 1)
        self.assertEqual(inquiry.department_id, self.department)
        # The department answers from the chatter (at the desk: TestInquiryDeskTour), then
        # closes the question.
        inquiry.with_user(self.liaison).message_post(
            body="Bus 12 leaves at 14:10 from the main gate.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(inquiry.stage_id.kind, "waiting")
        inquiry.with_user(self.liaison).action_close()
        self.start_family_tour(inquiry.get_portal_url(), "student_care_inquiry_rate")
        rating = inquiry.sudo().rating_ids
        self.assertEqual((rating.rating, rating.consumed), (5.0, True))
        self.assertEqual(inquiry.rating_last_value, 5)


@tagged("post_install", "-at_install")
class TestInquiryDeskTour(RoleTourCase, InquiryCommon):
    def test_liaison_answers_from_the_chatter(self):
        """The liaison lands on the pipeline, answers the family from the chatter and
        closes: the answer reaches the family, the response time is recorded."""
        self.env.ref("student_care.student_care_inquiry_department_office").member_ids = False
        inquiry = self.create_inquiry(name="Which bus on Wednesday?", channel="form")
        self.start_role_tour("student_care_inquiry_answer", login=self.liaison.login)
        self.assertTrue(inquiry.first_response_date)
        self.assertTrue(inquiry.is_closed)
        answer = inquiry.message_ids.filtered(lambda m: "Bus 12" in (m.body or ""))
        self.assertEqual(answer.author_id, self.liaison.partner_id)
        self.assertIn(self.mother, answer.notified_partner_ids)
