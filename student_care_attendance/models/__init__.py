from . import res_company
from . import res_config_settings
from . import student_care_attendance_reason
from . import student_care_attendance
from . import student_care_attendance_import
from . import student_care_attendance_scan
from . import student_care_outreach_call
from . import student_care_outreach
