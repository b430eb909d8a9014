from . import product_template
from . import res_partner
from . import student_care_programme
from . import student_care_service_delivery
from . import student_care_case
from . import res_users
