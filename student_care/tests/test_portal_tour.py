# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .portal import PortalCommon
from .tours import PortalTourCase


@tagged("post_install", "-at_install")
class TestPortalTour(PortalTourCase, PortalCommon):
    def test_guardian_on_her_phone(self):
        """A mother opens the portal on her phone, looks at a child, then switches her
        notices to text messages; the office sees the change."""
        self.start_portal_tour("student_care_portal_guardian", login="pc_mother")
        self.env.invalidate_all()
        self.assertEqual(set(self.mother.child_link_ids.mapped("preferred_channel")), {"sms"})
        self.assertIn("2222", self.mother.mobile)
        self.assertTrue(self.mother.portal_updated_date)
