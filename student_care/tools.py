# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Answers written once for every add-on: a button's (a window action, a notification), a
report's (its values, or why it cannot be printed) and a family's upload (checked)."""

from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

# What a family may send the school (a doctor's note, a letter, a photo of one): checked by
# content, never by the name or type the browser gives.
FAMILY_FILE_TYPES = ("application/pdf", "image/png", "image/jpeg")
FAMILY_FILE_MAX_BYTES = 5 * 1024 * 1024


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


def family_file(env, upload):
    """(name, content, mimetype) of a file a family uploaded (portal or public form), or
    None when none was sent. Too large, or not a PDF, PNG or JPEG by its content: a
    UserError in words a parent understands. Nothing is stored here."""
    if not upload or not upload.filename:
        return None
    content = upload.read(FAMILY_FILE_MAX_BYTES + 1)
    if len(content) > FAMILY_FILE_MAX_BYTES:
        raise UserError(env._("A file is larger than 5 MB. Please send a smaller file."))
    mimetype = guess_mimetype(content, default="application/octet-stream")
    if mimetype not in FAMILY_FILE_TYPES:
        raise UserError(env._("Only PDF, PNG and JPEG files can be sent."))
    name = str(upload.filename).replace("/", "_").replace("\\", "_")[-100:]
    return name, content, mimetype
