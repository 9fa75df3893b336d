"""Key accounts (关键客户): the Burnett attractiveness x relationship matrix and its strategies.

The topic package: the computation and the model constants live in
``core`` and are re-exported here (``crmlab.burnett.<name>``); importing the
topic loads only them. The other pieces load on use: ``data`` (dataset
generators), ``labels`` (English texts), ``plots``, ``widgets`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.
"""

from crmlab._topics import Topic
from crmlab.burnett.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.burnett.core import __all__  # noqa: F401
from crmlab.stats import pareto_share  # noqa: F401  (kit-wide, in crmlab.stats; kept here for notebook 04)

TOPIC = Topic("burnett", "Key accounts: the Burnett matrix")
