import os

# Kernels started by tests inherit the environment: keep MPLBACKEND unset so
# notebooks use the inline backend (PNG outputs) as they do for a student.
os.environ.pop("MPLBACKEND", None)
