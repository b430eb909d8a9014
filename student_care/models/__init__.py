from . import student_care_grade
from . import student_care_programme
from . import student_care_class
from . import student_care_guardian
from . import res_partner
from . import student_care_generator
