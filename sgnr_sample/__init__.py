"""Deterministic generator of synthetic Shaoguan 三调 data with ground truth.

Developer tool behind ``make sample`` / ``make bench-data`` and the committed ``data/tiny``
fixture: ``python -m sgnr_sample --scale tiny|sample|bench --seed N --out DIR``.
Nothing here is imported by the plugin at load time (it needs scipy, which stock QGIS on
Windows may lack); all the data are synthetic, only the county outlines are real.
"""
