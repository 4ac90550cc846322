"""diplograph: diplomatic events, quotes and positions from dated news, with evidence."""

__version__ = "0.1.0"
