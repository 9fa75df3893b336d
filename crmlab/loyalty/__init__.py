"""Customer loyalty (顾客忠诚): repeat rate, RFM, retention, CLV, NPS, and the BG/NBD model (``bgnbd``).

The topic package: the computation and the model constants live in
``core`` and are re-exported here (``crmlab.loyalty.<name>``); importing the
topic loads only them. The other pieces load on use: ``data`` (dataset
generators), ``labels`` (English texts), ``plots``, ``widgets`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.

The BG/NBD model is its own module, :mod:`crmlab.loyalty.bgnbd` (old name ``crmlab.bgnbd``);
its public names are re-exported here too.
"""

from crmlab._topics import Topic
from crmlab.loyalty.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.loyalty.core import __all__  # noqa: F401

TOPIC = Topic("loyalty", "Customer loyalty", aliases=(("crmlab.bgnbd", "bgnbd"),))
