# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .access import CARE_GROUP, MANAGER_GROUP, reader_set, user_ids

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
# Read by the whole care team of the case (and by care managers).
TEAM_SENSITIVITIES = ("shared", "care_team")
# What a note says: fetching, searching, grouping or aggregating these is reading content.
CONTENT_FIELDS = ("body", "attachment_ids")
# Marks a client read (see _read_format); a client cannot send this object.
CLIENT_READ = object()


class StudentCareNote(models.Model):
    """A dossier note. Reading a note *is* reading its content: the record rules of this
    model implement the four sensitivities. Everyone who may know the case sees the note's
    date, type and author through ``student_care.note.timeline`` instead.

    The access log has one gate: ``_fetch_query``, through which every channel that takes a
    note's content out of the database passes (read, search_read, web_read, onchange,
    exports direct or through a relation, reports, mail templates). Aggregates and group-bys
    on content, which bypass it, are refused; searches on content are logged. A new channel
    is therefore logged by default.
    """

    _name = "student_care.note"
    _description = "Dossier Note"
    _inherit = ["student_care.case.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # The case, its student and its institution come from student_care.case.mixin.
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    author_id = fields.Many2one(
        comodel_name="res.users",
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
    body = fields.Html(sanitize_style=True, prefetch=False)
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
        prefetch=False,
        help="Files are stored on the note: whoever may not read the note cannot open them.",
    )
    is_anonymised = fields.Boolean(readonly=True, copy=False)
    team_reader_ids = reader_set(
        "_compute_team_reader_ids",
        "_search_team_reader_ids",
        string="Care Team Readers",
        help="Who reads this note by their place on the case: the case's owner and care "
        "team for shared and care-team notes, the owner alone for confidential ones, nobody "
        "for sealed ones.",
        groups=CARE_GROUP,
    )

    @api.depends("sensitivity", "case_id.care_user_ids", "case_id.user_id")
    def _compute_team_reader_ids(self):
        for note in self:
            if note.sensitivity in TEAM_SENSITIVITIES:
                note.team_reader_ids = note.case_id.care_user_ids
            elif note.sensitivity == "confidential":
                note.team_reader_ids = note.case_id.user_id
            else:
                note.team_reader_ids = False

    def _search_team_reader_ids(self, operator, value):
        users = user_ids(self, "team_reader_ids", operator, value)
        return [
            "|",
            "&",
            ("sensitivity", "in", TEAM_SENSITIVITIES),
            ("case_id.care_user_ids", "in", users),
            "&",
            ("sensitivity", "=", "confidential"),
            ("case_id.user_id", "in", users),
        ]

    def _compute_display_name(self):
        # Neutral on purpose: display names are read through sudo in many places.
        for note in self:
            note.display_name = _("Note %(id)s", id=note.id or "")

    @api.constrains("granted_user_ids", "author_id", "company_id")
    def _check_grants(self):
        for note in self:
            if note.author_id in note.granted_user_ids:
                raise ValidationError(_("The author always reads their own note."))
            for user in note.granted_user_ids:
                if user.share or note.company_id not in user.company_ids:
                    raise ValidationError(
                        _(
                            "%(user)s is not a staff member of %(institution)s: a note can "
                            "only be shared with colleagues.",
                            user=user.name,
                            institution=note.company_id.name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["author_id"] = self.env.user.id  # nobody writes in someone else's name
        notes = super().create(vals_list)
        notes._bind_attachments()
        return notes

    def write(self, vals):
        if not self.env.su:
            if self.filtered(lambda n: n.author_id != self.env.user):
                raise AccessError(_("Only the author may change a dossier note."))
            if {"author_id", "case_id"} & set(vals) or any(
                self._fields[name].related for name in vals
            ):
                raise UserError(_("A note cannot be moved to another case, student or author."))
        changes = self._access_changes(vals)
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._bind_attachments()
        self._log_access_changes(changes)
        return result

    # -- the logging gate ----------------------------------------------------------------
    # Content leaves the server in three ways: formatted for a client (read, search_read,
    # web_read, web_search_read: all through _read_format), exported (directly or through
    # a relation: _export_rows), or fetched by server code that renders it (reports,
    # templates, onchange: _fetch_query). Each logs; the first two mark their environment
    # so that their own fetch does not log a second time.
    def read(self, fields=None, load="_classic_read"):
        return super(StudentCareNote, self._client_read()).read(fields=fields, load=load)

    def web_read(self, specification):
        return super(StudentCareNote, self._client_read()).web_read(specification)

    @api.model
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **kwargs):
        return super(StudentCareNote, self._client_read()).search_read(
            domain=domain, fields=fields, offset=offset, limit=limit, order=order, **kwargs
        )

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return super(StudentCareNote, self._client_read()).web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        # Exports, of notes or of a case with its notes' content, read it into a file.
        if not self.env.su and any(path[0] in CONTENT_FIELDS for path in fields):
            self.env.user._student_care_check_two_factor()
            self._log_content_access("export")
        return super(StudentCareNote, self._client_read())._export_rows(
            fields, _is_toplevel_call=_is_toplevel_call
        )

    def _client_read(self):
        return self.with_context(student_care_client_read=CLIENT_READ)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if not self.env.su and result and any(name in CONTENT_FIELDS for name in fnames):
            self.browse([values["id"] for values in result])._log_content_access()
        return result

    def _fetch_query(self, query, fields):
        content = not self.env.su and any(field.name in CONTENT_FIELDS for field in fields)
        if content:
            self.env.user._student_care_check_two_factor()
        fetched = super()._fetch_query(query, fields)
        if (
            content
            and fetched
            and self.env.context.get("student_care_client_read") is not CLIENT_READ
        ):
            fetched._log_content_access()
        return fetched

    def _check_access(self, operation):
        if self and operation == "read" and not self.env.su:
            self.env.user._student_care_check_two_factor()
        return super()._check_access(operation)

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec.split(":")[0] in CONTENT_FIELDS and not self.env.su:
            raise AccessError(
                _("Dossier notes cannot be summed up by their content: open the notes instead.")
            )
        return super()._read_group_select(aggregate_spec, query)

    def _read_group_groupby(self, groupby_spec, query):
        if groupby_spec.split(":")[0].split(".")[0] in CONTENT_FIELDS and not self.env.su:
            raise AccessError(_("Dossier notes cannot be grouped by their content."))
        return super()._read_group_groupby(groupby_spec, query)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        if not self.env.su and any(
            isinstance(term, list | tuple)
            and isinstance(term[0], str)
            and term[0].split(".")[0] in CONTENT_FIELDS
            for term in domain or ()
        ):
            # Finding notes by what they say reveals what they say: log the matches.
            self.env.user._student_care_check_two_factor()
            self.browse(query)._log_content_access("search")
        return query

    def _log_content_access(self, channel=None):
        logged = self.filtered(lambda n: n.sensitivity in LOGGED_SENSITIVITIES)
        if logged and not self.env.su:
            self.env["student_care.access.log"]._log(logged, channel)

    # -- access changes --------------------------------------------------------------------
    def _access_changes(self, vals):
        """Who would gain or lose access to which note through ``vals`` (before writing)."""
        if self.env.su or not ({"sensitivity", "granted_user_ids"} & set(vals)):
            return []
        return [(note, note.sensitivity, note.granted_user_ids) for note in self]

    def _log_access_changes(self, changes):
        log = self.env["student_care.access.log"]
        for note, sensitivity, granted in changes:
            if note.sensitivity != sensitivity:
                log._log(note, event="changed")
            for user in note.granted_user_ids - granted:
                log._log(note, event="granted", subject=user)
            for user in granted - note.granted_user_ids:
                log._log(note, event="revoked", subject=user)

    def _bind_attachments(self):
        """Files uploaded on the note form belong to the note from the first save on.

        The upload happens before the note exists (``res_id = 0``): only the uploader can
        read such a file. Saving binds it to the note, whose rules then apply. Files of
        other records or other people cannot be pulled into a note.
        """
        for note in self:
            files = note.sudo().attachment_ids
            loose = files.filtered(lambda a, n=note: (a.res_model, a.res_id) != (n._name, n.id))
            note.invalidate_recordset(["attachment_ids"])
            if not loose:
                continue
            if not self.env.su and loose.filtered(
                lambda a: a.res_id
                or a.res_model not in (False, self._name)
                or a.create_uid != self.env.user
            ):
                raise AccessError(_("Only files you uploaded here can be attached to a note."))
            loose.write({"res_model": self._name, "res_id": note.id})

    def _action_open_form(self, context=None):
        """The note in a dialog titled with its neutral name; read-only for anyone but its
        author, who alone may change it (a manager who broke the glass, a colleague)."""
        self.ensure_one()
        view = (
            False
            if self.author_id == self.env.user
            else self.env.ref("student_care.student_care_note_view_form_readonly").id
        )
        return {
            "type": "ir.actions.act_window",
            "name": self._dialog_title(),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(view, "form")],
            "target": "new",
            "context": context or {},
        }

    def _dialog_title(self):
        self.ensure_one()
        if self.sensitivity == "sealed":
            return _("Sealed note %(id)s", id=self.id)
        return self.display_name

    def _refusal_message(self):
        """Why this user may not open the note, who may, and how to ask: product words in
        place of Odoo's generic access error. Says only what the timeline already shows."""
        self.ensure_one()
        note = self.sudo()
        author = note.author_id.name
        if note.sensitivity == "sealed":
            return _(
                "This note is sealed: only its author, %(author)s, and the colleagues they "
                "share it with may read it. Ask %(author)s to share it with you. In an "
                "emergency a care manager can open it by giving a reason.",
                author=author,
            )
        if note.sensitivity == "confidential":
            return _(
                "This note is confidential: only its author, %(author)s, the case owner and "
                "the specialists on this case may read it. Ask %(author)s to share it with "
                "you.",
                author=author,
            )
        if note.sensitivity == "shared":
            return _(
                "This note is shared with the staff who teach or care for the student, "
                "not with everyone. Ask the case owner, %(owner)s, if you need it.",
                owner=note.case_id.user_id.name or author,
            )
        return _(
            "This note is for the care team of the case: its care workers, the care "
            "managers and the specialists the case is referred to read it. Ask the case "
            "owner, %(owner)s, to add you to the case's care team.",
            owner=note.case_id.user_id.name or author,
        )

    def _break_glass(self, reason):
        """A care manager opens a sealed note in an emergency: logged, and the author told."""
        self.ensure_one()
        user = self.env.user
        if not user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only a care manager may open a sealed note in an emergency."))
        if not (reason or "").strip():
            raise UserError(_("State why you need to open this note."))
        note = self.sudo()  # the manager cannot read the note yet: that is the point
        note.case_id.with_env(self.env).check_access("read")
        note.emergency_user_ids = [fields.Command.link(user.id)]
        self.env["student_care.access.log"]._log(
            self, "break_glass", reason=reason, event="granted", subject=user
        )
        # The activity makes its assignee no follower (see mail.followers): the author is
        # told, without receiving the case's later messages.
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
