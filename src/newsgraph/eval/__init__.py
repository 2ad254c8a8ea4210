"""Scorers for the public gold data sets (see ``newsgraph eval --help``)."""
