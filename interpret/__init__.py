"""Interpret: layout-free step from generic tables, statements and formulas to domain records."""
