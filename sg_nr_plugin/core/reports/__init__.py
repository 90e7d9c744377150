"""Report writers of the plugin: every workbook (and the audit trail behind each output).

``excel`` — safe cells, sheet titles and atomic saves; ``book`` — the styled statistics workbook
(``Book``); one writer module per output (``stats_xlsx``, ``minestats_xlsx``, ``quality_xlsx``,
``check_report``, ``ledger_xlsx``, ``paddy_progress``). The figures are computed elsewhere
(``core/stats``, ``core/checks``, ``core/quality``); these modules only lay them out.
"""
