from . import test_student
from . import test_national_id
from . import test_guardian
from . import test_security
from . import test_generator
from . import test_demo
from . import test_ui
