from . import test_catalogue
from . import test_invoicing
from . import test_privacy
from . import test_ui
from . import test_wizard_privacy
from . import test_case_existence
from . import test_performance
from . import test_demo
