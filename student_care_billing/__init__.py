from . import models
from . import wizard


def post_init_hook(env):
    """Companies whose chart of accounts was loaded before this add-on get the journal."""
    env["account.chart.template"]._student_care_load_internal_journal(
        env["res.company"].search([])
    )
