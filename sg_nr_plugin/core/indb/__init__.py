"""Statistics and checks computed inside PostGIS when all their inputs live in one database.

Each algorithm asks one function here at the top of its compute (``indb_*``); it returns the
result, or None when the desktop path must run (other providers, a filter expression it cannot
send, geometries the desktop repairs…), saying why to the feedback. Nothing here is created on
the server; see :mod:`.session` for timeouts, cancelling and error messages, :mod:`.area_sql`
for the ellipsoidal area in SQL, and docs/scale.md for measured figures.
"""
