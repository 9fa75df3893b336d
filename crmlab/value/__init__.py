"""Customer value quantification (客户价值量化): CLV, market-basket analysis and customer perceived value.

The topic package: the computation lives in three modules and is
re-exported here (``crmlab.value.<name>``): ``core`` (CLV tables, BG/NBD
diagnostics, Gamma-Gamma spend, customer equity), ``basket`` (market-basket
analysis: support, confidence, lift, frequent itemsets, association rules)
and ``perceived`` (customer perceived value and the customer value map).
Importing the topic loads only these. The other pieces load on use:
``data`` (dataset generators), ``labels`` (English texts), ``plots`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.

The simple CLV formula (:func:`crmlab.loyalty.clv`) and the BG/NBD model
(:mod:`crmlab.loyalty.bgnbd`) stay in the loyalty topic; this topic builds on
them.
"""

from crmlab._topics import Topic
from crmlab.value import basket as _basket
from crmlab.value import core as _core
from crmlab.value import perceived as _perceived
from crmlab.value.basket import *  # noqa: F401,F403  (market-basket analysis, re-exported)
from crmlab.value.core import *  # noqa: F401,F403  (the CLV computation, re-exported)
from crmlab.value.perceived import *  # noqa: F401,F403  (perceived value, re-exported)

__all__ = [*_core.__all__, *_basket.__all__, *_perceived.__all__]

TOPIC = Topic("value", "Customer value quantification")
