"""corroborator: reconstruct what happened from many news reports about the same events."""

__version__ = "0.1.0"
