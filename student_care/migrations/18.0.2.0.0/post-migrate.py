# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Files uploaded on a note form before 18.0.2.0.0 kept res_id = 0: readable by settings
administrators, refused to the note's readers, missed by retention. Bind each to the note
it is attached to (when it is attached to exactly one)."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_attachment a
           SET res_id = rel.note_id
          FROM (SELECT attachment_id, min(note_id) AS note_id
                  FROM student_care_note_attachment_rel
              GROUP BY attachment_id
                HAVING count(*) = 1) rel
         WHERE rel.attachment_id = a.id
           AND a.res_model = 'student_care.note'
           AND COALESCE(a.res_id, 0) = 0
        """
    )
