from . import student_care_attendance_roll_call
