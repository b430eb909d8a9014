from . import student_care_attendance_reason
from . import student_care_attendance
from . import student_care_attendance_import
