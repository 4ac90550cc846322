"""Imports the built-in stage modules so that they register themselves."""

from diplograph.extract import actors, events, language_stage, positions, quotes  # noqa: F401
