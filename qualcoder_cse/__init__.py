"""QualCoder-CSE: qualitative coding for policing and child sexual exploitation research.

The version lives here and nowhere else; the CLI, the About box and the build read it.
"""

__version__ = "0.1.0"
