"""Service quality (服务质量): the SERVQUAL gap model, weighted gaps, reliability, priorities.

The topic package: the computation and the model constants live in
``core`` and are re-exported here (``crmlab.servqual.<name>``); importing the
topic loads only them. The other pieces load on use: ``data`` (dataset
generators), ``labels`` (English texts), ``plots``, ``widgets`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.
"""

from crmlab._topics import Topic
from crmlab.servqual.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.servqual.core import __all__  # noqa: F401

TOPIC = Topic("servqual", "Service quality: SERVQUAL")
