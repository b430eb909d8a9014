# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import html
from markupsafe import Markup

from odoo import api, models
from odoo.tools import safe_eval

NOTICE_MODEL = "student_care.attendance.notice"


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _render_template_qweb(self, template_src, model, res_ids, add_context=None, options=None):
        """Guardian notices: compile the template once per call (that is once per language
        and template: the caller splits the records by language) and render it for every
        notice, instead of compiling it again for each record as the core method does (a
        compile costs more than the render). Other models and restricted renderings (users
        who are no template editors) keep the core behaviour."""
        is_restricted = (
            not self._unrestricted_rendering
            and not self.env.is_admin()
            and not self.env.user.has_group("mail.group_mail_template_editor")
        )
        if (
            model != NOTICE_MODEL
            or len(res_ids) < 2
            or is_restricted
            or not template_src
            or not self._has_unsafe_expression_template_qweb(template_src, model)
        ):
            return super()._render_template_qweb(
                template_src, model, res_ids, add_context=add_context, options=options
            )
        variables = self._render_eval_context()
        if add_context:
            variables.update(**add_context)
        qweb = self.env["ir.qweb"].with_context(**(options or {}))
        functions, def_name = qweb._compile(
            html.fragment_fromstring(template_src, create_parent="div")
        )
        render = functions[def_name]
        results = {}
        for record in self.env[model].browse(res_ids):
            values = {**variables, "object": record}
            env_qweb = qweb._prepare_environment(values)
            safe_eval.check_values(values)
            # Strip the <div> wrapper added to hold several root nodes, as the core does.
            results[record.id] = Markup("".join(render(env_qweb, values)))[5:-6]
        return results
