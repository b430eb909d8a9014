from . import student_care_case_signal
