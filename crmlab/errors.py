"""The one exception type of the kit, and its one warning type."""


class CRMDataError(ValueError):
    """Raised when input data or parameters cannot be used as given.

    The message names the column (or parameter), shows up to five offending
    values with their row labels, and says how to fix the input.
    """


class CRMWarning(UserWarning):
    """A result was computed but should be read with care (e.g. an iterative fit that did not converge)."""
