from . import student_care_attendance_roll_call
from . import student_care_attendance_import
