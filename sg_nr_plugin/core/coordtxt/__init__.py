"""Project coordinate files (报部坐标 .txt): parse, validate, import and export.

See docs/coordinate-files.md for the format as this package reads and writes it.
"""
