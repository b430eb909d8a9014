from . import student_care_case_assign
from . import student_care_case_signal
from . import student_care_note_break_glass
from . import student_care_portal_invite
