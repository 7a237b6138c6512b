"""Runnable benchmarks: each module prints a table of what it measured."""
