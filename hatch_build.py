"""Wheel build hook: ship the teaching notebooks and the exercise student copies, in English and Chinese.

The wheel carries ``notebooks/NN_*.ipynb``, ``notebooks/firm_report.ipynb``, ``exercises/NN_*.ipynb`` (the
student copies) and ``exercises/NN_*.md`` (the capstone brief), and the Chinese edition's
``notebooks/zh/NN_*.ipynb``, ``exercises/zh/NN_*.ipynb`` and ``exercises/zh/NN_*.md``, as
``crmlab/_kit/...`` so ``crmlab run``, ``crmlab report``
and ``crmlab assign`` (also ``--lang zh``) work after a normal install (``crmlab._paths`` finds
them). ``exercises/solutions/`` and ``exercises/zh/solutions/`` are never shipped: a wheel given to students
must not carry the answers, and ``crmlab assign`` recomputes the answer key
from the data with the topic's ``crmlab.checks`` module.

The files are matched by pattern, so a new notebook or exercise needs no edit
here.
"""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# folder -> patterns; firm_report.ipynb is the own-data report (crmlab report --data --mapping)
SHIPPED = {"notebooks": ("[0-9][0-9]_*.ipynb", "firm_report.ipynb"), "exercises": ("[0-9][0-9]_*.ipynb", "[0-9][0-9]_*.md"),
           "notebooks/zh": ("[0-9][0-9]_*.ipynb",), "exercises/zh": ("[0-9][0-9]_*.ipynb", "[0-9][0-9]_*.md")}


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout itself
        root = Path(self.root)
        for folder, patterns in SHIPPED.items():
            for pattern in patterns:
                for path in sorted((root / folder).glob(pattern)):  # glob is not recursive: no (zh/)solutions/
                    build_data["force_include"][str(path)] = f"crmlab/_kit/{folder}/{path.name}"
