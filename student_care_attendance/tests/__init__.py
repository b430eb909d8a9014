from . import test_attendance
from . import test_import
from . import test_outreach
from . import test_scan
from . import test_ui
from . import test_truancy
from . import test_mass_notice
from . import test_truancy_security
