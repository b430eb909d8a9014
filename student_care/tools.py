# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Answers written once for every add-on: a button's (a window action, a notification) and
a report's (its values, or why it cannot be printed)."""

from odoo.exceptions import UserError


def window_action(env, xmlid, **values):
    """The window action ``xmlid`` as a dict, with ``values`` (domain, context, res_id...)
    replacing its own. Reading it checks that the user may use the action's model."""
    action = env["ir.actions.act_window"]._for_xml_id(xmlid)
    action.update(values)
    return action


def notification(message, title=None, kind="info", sticky=False, close=False):
    """A toast in the web client; ``close`` also closes the dialog the button was in."""
    params = {"message": message, "type": kind, "sticky": sticky}
    if title:
        params["title"] = title
    if close:
        params["next"] = {"type": "ir.actions.act_window_close"}
    return {"type": "ir.actions.client", "tag": "display_notification", "params": params}


def report_values(docs, refused, message):
    """The values of a report printed on ``docs``, unless some cannot be printed: then a
    UserError, ``message(names)`` naming the records ``refused`` selects, prints nothing."""
    if refused_docs := docs.filtered(refused):
        raise UserError(message(", ".join(refused_docs.mapped("display_name"))))
    return {"doc_ids": docs.ids, "doc_model": docs._name, "docs": docs}
