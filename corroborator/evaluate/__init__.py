"""Evaluation helpers shared by the benchmarks in ``bench/`` and the quality-gate tests."""
