"""Customer value quantification (客户价值量化): CLV tables, BG/NBD diagnostics, Gamma-Gamma spend, customer equity.

The topic package: the computation lives in ``core`` and is re-exported here
(``crmlab.value.<name>``); importing the topic loads only it. The other
pieces load on use: ``data`` (dataset generators), ``labels`` (English
texts), ``plots`` and ``checks`` (exercise checks). Layout: CONTRIBUTING.md.

The simple CLV formula (:func:`crmlab.loyalty.clv`) and the BG/NBD model
(:mod:`crmlab.loyalty.bgnbd`) stay in the loyalty topic; this topic builds on
them.
"""

from crmlab._topics import Topic
from crmlab.value.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.value.core import __all__  # noqa: F401

TOPIC = Topic("value", "Customer value quantification")
