# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The two answers a button gives the web client, written once for every add-on."""


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
