from . import student_care_attendance_analysis
from . import student_care_attendance_dashboard
from . import student_care_outreach
from . import student_care_truancy_letter
