"""The project-check engine shared by the farmland, paddy and mine checks.

- :mod:`.ruleset` — versioned rule-set files (thresholds, class sets, severity per rule).
- :mod:`.context` — the per-project overlay context (project union, DLTB pieces, control layers).
- :mod:`.engine` — rules registry, streaming over projects, verdicts.
- :mod:`.rules_common` — rules every check uses; :mod:`.farmland` — the farmland check.
- :mod:`.report` — the Excel report.
"""
