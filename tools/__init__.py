"""Maintenance scripts that change the data package (not imported by the chapters)."""
