"""Why an input layer could not be opened, in the user's terms.

QGIS marks a PostGIS layer invalid when the role may not read the table; handed to an
algorithm such a layer looked like an empty layer of "Unknown" geometry, and the run said the
layer "holds Unknown geometry features". The database's catalogs (readable by every role)
tell the real cause: the schema or table does not exist, or the role lacks USAGE on the schema
or SELECT on the table.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..i18n import tr

_DATABASE_PROVIDERS = ("postgres",)


def unreadable_reason(layer) -> str:
    """The message for an input layer QGIS could not open ("" when it is valid)."""
    if layer is None or layer.isValid():
        return ""
    if layer.providerType() in _DATABASE_PROVIDERS:
        return _postgres_reason(layer)
    return tr("Layer “{layer}” could not be opened: its data source “{source}” is missing, "
              "damaged or not readable. Check the file or table and load it again.").format(
        layer=layer.name(), source=layer.publicSource())


def unloadable_layer(value):
    """The invalid layer behind a source given as text that Processing could not load (a
    ``postgres://`` URI or a file path), to say why; None when it is not such a value.

    Processing's own message says the layer was "not found" even when the role may not read it,
    and shows the connection's password."""
    if not isinstance(value, str) or not value.strip():
        return None
    if value.startswith("postgres://"):
        uri = value[len("postgres://"):]
        layer = QgsVectorLayer(uri, QgsDataSourceUri(uri).table(), "postgres")
    else:
        layer = QgsVectorLayer(value, Path(value.split("|", 1)[0]).stem, "ogr")
    return None if layer.isValid() else layer


def unloadable_reason(algorithm, parameters: dict) -> str:
    """Why a source parameter given as text could not be loaded ("" when none failed)."""
    for definition in algorithm.parameterDefinitions():
        if definition.type() == "source":
            reason = unreadable_reason(unloadable_layer(parameters.get(definition.name())))
            if reason:
                return reason
    return ""


def _postgres_reason(layer) -> str:
    uri = QgsDataSourceUri(layer.source())
    schema, table = uri.schema() or "public", uri.table()
    name = f"{schema}.{table}"
    try:
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        connection = metadata.createConnection(layer.source(), {})
        rows = connection.executeSql(
            "SELECT n.oid IS NOT NULL, coalesce(has_schema_privilege(n.oid, 'USAGE'), false), "
            "c.oid IS NOT NULL, coalesce(has_table_privilege(c.oid, 'SELECT'), false), "
            f"current_user FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = "
            f"{_literal(schema)} LEFT JOIN pg_class c ON c.relnamespace = n.oid AND "
            f"c.relname = {_literal(table)}")
    except QgsProviderConnectionException as error:
        return tr("Layer “{layer}”: cannot connect to the database “{database}” to read table "
                  "{table} ({error}). Check the connection settings and that the server "
                  "runs.").format(layer=layer.name(), database=uri.database(), table=name,
                                  error=str(error).strip())
    row = rows[0] if rows else [False, False, False, False, uri.username()]
    schema_found, usage, table_found, select = (_flag(value) for value in row[:4])
    role = row[4]
    if not schema_found or (usage and not table_found):
        return tr("Layer “{layer}”: table {table} does not exist in database “{database}”. "
                  "Check the schema and table name, or load the layer again.").format(
            layer=layer.name(), table=name, database=uri.database())
    if not usage:
        return tr("Layer “{layer}”: the database role “{role}” lacks permission to use schema "
                  "“{schema}” (USAGE). Ask the database administrator for GRANT USAGE ON "
                  "SCHEMA {schema} TO {role}, or connect as a role that may read it.").format(
            layer=layer.name(), role=role, schema=schema)
    if not select:
        return tr("Layer “{layer}”: the database role “{role}” lacks permission to read table "
                  "{table} (SELECT). Ask the database administrator for GRANT SELECT ON "
                  "{table} TO {role}, or connect as a role that may read it.").format(
            layer=layer.name(), role=role, table=name)
    return tr("Layer “{layer}”: table {table} exists and may be read, but QGIS could not open "
              "it (no geometry column or primary key it recognises?). Load it again from the "
              "Browser.").format(layer=layer.name(), table=name)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _flag(value) -> bool:
    return value is True or str(value).lower() in ("true", "t", "1")
