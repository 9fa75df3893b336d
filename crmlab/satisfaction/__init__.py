"""Customer satisfaction (顾客满意度): weighted scores, the CSI, importance, IPA.

The topic package: the computation and the model constants live in
``core`` and are re-exported here (``crmlab.satisfaction.<name>``); importing the
topic loads only them. The other pieces load on use: ``data`` (dataset
generators), ``labels`` (English texts), ``plots``, ``widgets`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.
"""

from crmlab._topics import Topic
from crmlab.satisfaction.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.satisfaction.core import __all__  # noqa: F401

TOPIC = Topic("satisfaction", "Customer satisfaction")
