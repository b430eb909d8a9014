# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

NOTE_TYPES = [
    ("interview", "Interview"),
    ("phone_call", "Phone call"),
    ("meeting", "Meeting"),
    ("observation", "Observation"),
    ("plan", "Plan"),
    ("external_report", "External report"),
]
SENSITIVITIES = [
    ("shared", "Shared"),
    ("care_team", "Care team"),
    ("confidential", "Confidential"),
    ("sealed", "Sealed"),
]
LOGGED_SENSITIVITIES = ("confidential", "sealed")


def _read_write_cursor(method):
    """Run this read-only looking RPC on a read/write cursor: it writes the access log."""
    method._readonly = False
    return method


class StudentCareNote(models.Model):
    """A dossier note. Reading a note *is* reading its content: the record rules of this
    model implement the four sensitivities. Everyone who may know the case sees the note's
    date, type and author through ``student_care.note.timeline`` instead.
    """

    _name = "student_care.note"
    _description = "Dossier Note"
    _order = "date desc, id desc"
    _inherit = ["student_care.safe.export"]
    _check_company_auto = True

    case_id = fields.Many2one(
        comodel_name="student_care.case",
        string="Case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    student_id = fields.Many2one(
        related="case_id.student_id", string="Student", store=True, index=True
    )
    company_id = fields.Many2one(
        related="case_id.company_id", string="Institution", store=True, index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    author_id = fields.Many2one(
        comodel_name="res.users",
        string="Author",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
        default=lambda self: self.env.user,
    )
    note_type = fields.Selection(
        selection=NOTE_TYPES, string="Type", required=True, default="interview"
    )
    sensitivity = fields.Selection(
        selection=SENSITIVITIES, required=True, default="care_team", index=True
    )
    body = fields.Html(sanitize_style=True)
    granted_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="student_care_note_granted_user_rel",
        column1="note_id",
        column2="user_id",
        string="Also Shared With",
        help="People the author lets read this note (sealed notes: nobody else may).",
    )
    emergency_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="student_care_note_emergency_user_rel",
        column1="note_id",
        column2="user_id",
        string="Opened in an Emergency By",
        readonly=True,
        copy=False,
    )
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="student_care_note_attachment_rel",
        column1="note_id",
        column2="attachment_id",
        string="Attachments",
        help="Files are stored on the note: whoever may not read the note cannot open them.",
    )
    is_anonymised = fields.Boolean(readonly=True, copy=False)

    def _compute_display_name(self):
        # Neutral on purpose: display names are read through sudo in many places.
        for note in self:
            note.display_name = _("Note %(id)s", id=note.id or "")

    @api.constrains("granted_user_ids", "author_id")
    def _check_grants(self):
        for note in self:
            if note.author_id in note.granted_user_ids:
                raise ValidationError(_("The author always reads their own note."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["author_id"] = self.env.user.id  # nobody writes in someone else's name
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if self.filtered(lambda n: n.author_id != self.env.user):
                raise AccessError(_("Only the author may change a dossier note."))
            if "author_id" in vals or "case_id" in vals:
                raise UserError(_("A note cannot be moved to another case or author."))
        return super().write(vals)

    @_read_write_cursor
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if self._reads_content(fields):
            self._log_content_access(self._request_channel())
        return result

    @_read_write_cursor
    def web_read(self, specification):
        return super().web_read(specification)

    @api.model
    @_read_write_cursor
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **kwargs):
        # search_read formats fetched values without going through read(): log here too.
        result = super().search_read(
            domain=domain, fields=fields, offset=offset, limit=limit, order=order, **kwargs
        )
        if result and self._reads_content(fields):
            self.browse([row["id"] for row in result])._log_content_access(self._request_channel())
        return result

    @api.model
    @_read_write_cursor
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    @_read_write_cursor
    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if any(name.split("/")[0] in ("body", "attachment_ids") for name in fields_to_export):
            self._log_content_access("export")
        return result

    def _action_open_form(self, context=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context or {},
        }

    def _break_glass(self, reason):
        """A care manager opens a sealed note in an emergency: logged, and the author told."""
        self.ensure_one()
        user = self.env.user
        if not user.has_group("student_care.student_care_group_care_manager"):
            raise AccessError(_("Only a care manager may open a sealed note in an emergency."))
        if not (reason or "").strip():
            raise UserError(_("State why you need to open this note."))
        note = self.sudo()  # the manager cannot read the note yet: that is the point
        note.case_id.with_env(self.env).check_access("read")
        note.emergency_user_ids = [fields.Command.link(user.id)]
        self.env["student_care.access.log"]._log(self, "break_glass", reason=reason)
        note.case_id.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("A note of yours was opened in an emergency"),
            note=_(
                "%(manager)s opened your note %(note)s. Reason given: %(reason)s",
                manager=user.name,
                note=note.display_name,
                reason=reason,
            ),
            user_id=note.author_id.id,
        )
        return True

    @api.model
    def _reads_content(self, fields):
        return not fields or "body" in fields or "attachment_ids" in fields

    def _log_content_access(self, channel):
        logged = self.filtered(lambda n: n.sensitivity in LOGGED_SENSITIVITIES)
        if logged and not self.env.su:
            self.env["student_care.access.log"]._log(
                logged, channel, reason=self.env.context.get("access_reason")
            )

    @api.model
    def _request_channel(self):
        if not request:
            return "server"
        path = request.httprequest.path
        if path.startswith(("/jsonrpc", "/xmlrpc", "/json/")):
            return "rpc"
        if path.startswith("/report/"):
            return "report"
        return "web"
