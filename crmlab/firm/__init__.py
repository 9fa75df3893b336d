"""The analyst's own data: a mapping file, a data check and the assessment report on a firm's exports.

- :mod:`crmlab.firm.mapping`: the TOML mapping file (tables, column roles, codes, scales, item maps);
- :mod:`crmlab.firm.read`: reading CSV in any common encoding or ``.xlsx``;
- :mod:`crmlab.firm.checkdata`: every table read and checked, ALL problems collected, the data-quality log;
- :mod:`crmlab.firm.assess`: the figures and sentences of ``notebooks/firm_report.ipynb``;
- :mod:`crmlab.firm.init`: a commented starting mapping from the headers of a folder's files.
"""

from crmlab.firm.checkdata import Prepared, Quality, check_report, prepare
from crmlab.firm.mapping import TABLES, MappingFile, Problem, load

__all__ = ["TABLES", "MappingFile", "Prepared", "Problem", "Quality", "check_report", "load", "prepare"]
