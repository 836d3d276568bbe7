"""Presentation: findings, explanations, comparisons and assessments turned into what a person reads.

The layer above the analyses and below the command line. The core (models, engine, evaluation, clauses, evaluate,
analyses) never imports it: a partner tool that imports ``iop_rules`` gets values, and text only when it asks
for it here.
"""
