# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

# A context value no client can send: JSON has no such object. Only server code holding
# this module's constant can mark a write as coming from a guarded action.
GUARDED = object()


class StudentCareAccessGuard(models.AbstractModel):
    """Records whose fields decide who may read something (a referral's case and state, a
    case's owner and team, a consent's scope).

    - Those fields change only through the model's guarded actions, which check the role
      *and* the resulting state; a plain ``write`` of them by a user is refused.
    - Odoo checks record rules on ``write`` before the write only. Here every write by a
      user is checked again afterwards: it can never move a record out of the writer's
      own reach.
    """

    _name = "student_care.access.guard"
    _description = "Guarded Access Fields"

    # Fields only a guarded action may change once the record exists.
    _guarded_fields = ()

    def _is_guarded_call(self):
        return self.env.su or self.env.context.get("student_care_guard") is GUARDED

    def _guarded(self):
        """This recordset, marked as written by a guarded action (rules still apply)."""
        return self.with_context(student_care_guard=GUARDED)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_guarded_call():
            self._check_guarded_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        # Stored related fields copy what decides access (a referral's student, a record's
        # institution): they follow their source and are never written on their own.
        guarded = {name for name in vals if self._fields[name].related} | (
            set(vals) & set(self._guarded_fields)
        )
        if guarded and not self._is_guarded_call():
            raise AccessError(
                _(
                    "%(what)s cannot be changed directly (%(fields)s): use the buttons on the "
                    "record, which check who may do it.",
                    what=self._description,
                    fields=", ".join(sorted(self._fields[name].string for name in guarded)),
                )
            )
        result = super().write(vals)
        if not self.env.su:
            self._check_reach_after_write()
        return result

    def _check_guarded_create(self, vals_list):
        """Hook: refuse values a user may not give a new record (e.g. an active state)."""

    def _check_reach_after_write(self):
        # The rules are evaluated on the new values (in cache, not yet flushed).
        self.check_access("write")
