"""A satisfaction index by PLS path modelling (偏最小二乘路径模型), on the ECSI model.

The topic package: the computation and the model constants live in
``core`` and are re-exported here (``crmlab.pls.<name>``); importing the
topic loads only them. The other pieces load on use: ``data`` (dataset
generators), ``labels`` (English texts), ``plots``, ``widgets`` and
``checks`` (exercise checks). Layout: CONTRIBUTING.md.
"""

from crmlab._topics import Topic
from crmlab.pls.core import *  # noqa: F401,F403  (the computation, re-exported)
from crmlab.pls.core import __all__  # noqa: F401

TOPIC = Topic("pls", "Satisfaction index (PLS, ECSI)", aliases=(("crmlab.datasets.ecsi", "data"),))
