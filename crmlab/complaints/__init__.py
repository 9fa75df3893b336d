"""Complaint handling (投诉管理): KPIs, resolution curves, queues, word of mouth, recovery.

The topic package: the computation and the model constants live in
``core`` and are re-exported here (``crmlab.complaints.<name>``); importing the
topic loads only them. The other pieces load on use: ``data`` (dataset
generators), ``labels`` (English texts), ``plots``, ``widgets`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.
"""

from crmlab._topics import Topic
from crmlab.complaints.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.complaints.core import __all__  # noqa: F401

TOPIC = Topic("complaints", "Complaint handling")
