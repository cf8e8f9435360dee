"""interim: therapy homework and self-monitoring records as plain text."""

__version__ = "0.1.0"
