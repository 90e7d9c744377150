"""sgnr:minestats — 矿山修复与绿色矿山统计."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource

from ...core.reports.minestats_xlsx import write_minestats_xlsx
from ...core.stats.minestats import AREA_COLUMNS, mine_stats
from ...core.units import to_unit
from ...i18n import tr
from ..stats_params import (
    OUTPUT,
    OUTPUT_XLSX,
    UNIT,
    StatsAlgorithm,
    add_output_parameters,
    add_region_parameters,
    layer_name,
    region_spec,
    write_frame,
)

LEGACY_MINES, PROJECTS, MINING_RIGHTS = "LEGACY_MINES", "PROJECTS", "MINING_RIGHTS"


class MineStatsAlgorithm(StatsAlgorithm):
    ALGORITHM_ID = "minestats"
    PROJECT_KIND = "mine"

    def display_name(self) -> str:
        return tr("Mine restoration and green mine statistics")

    def help_text(self) -> str:
        return tr(
            "Restoration progress of legacy mines and the green-mine share of licensed "
            "producing mines, by region (the plan's indicator 13).\n\n"
            "Legacy mines: the parcels of the national legacy-mine check (历史遗留矿山核查); "
            "field names are recognised in lower or upper case, in Chinese and in older "
            "provincial spellings (resources/data/schema/mine_legacy.json). Per region: parcel "
            "count, area, treated area (恢复治理情况 hfzlqk / zlzt: B, 已恢复治理, 完全修复…; a "
            "partly treated parcel, 部分修复, counts its treated share sdzlmj ÷ tbhdmj), "
            "untreated area, area under a restoration project (the project parcels dissolved, "
            "so overlapping projects count once) and the restoration rate = treated ÷ total × "
            "100. A layer without a treatment status field is refused. A status value the "
            "vocabulary does not know is counted apart (unknown_status_area) and reported with "
            "its field and count; the rate of its region is then left empty.\n\n"
            "Mining rights (optional): the rights whose production status says producing "
            "(生产/在采) are the licensed producing mines; those flagged as green mines give "
            "the green-mine share (%). Unknown status or flag values are reported.\n\n"
            "Regions: by the administrative code (xzqdm / XZQDM) at the chosen level, or by a "
            "region polygon layer holding each parcel's interior point. Areas are measured on "
            "the CGCS2000 ellipsoid; the verified area hsmj is listed beside them.\n\n"
            "Output: one row per region (areas in the chosen unit); optionally an Excel "
            "workbook with the same table and the lists behind every figure: the legacy "
            "parcels and the producing mines.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            LEGACY_MINES, tr("Legacy mine parcels"), polygon))
        self.addParameter(QgsProcessingParameterFeatureSource(
            PROJECTS, tr("Restoration project parcels"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            MINING_RIGHTS, tr("Mining rights"), [QgsProcessing.TypeVectorAnyGeometry],
            optional=True))
        add_region_parameters(self)
        add_output_parameters(self, table_name=tr("Mine restoration statistics"))

    def compute(self, parameters, context, feedback) -> dict:
        sources = {name: self.parameterAsSource(parameters, name, context)
                   for name in (LEGACY_MINES, PROJECTS, MINING_RIGHTS)}
        names = {name: layer_name(self, parameters, name, context) for name in sources}
        stats = mine_stats(sources[LEGACY_MINES], region_spec(self, parameters, context),
                           sources[PROJECTS], sources[MINING_RIGHTS], names,
                           context.transformContext(), feedback)
        unit = self.parameterAsEnum(parameters, UNIT, context)
        table = stats.frame.copy()
        for column in AREA_COLUMNS:
            table[column] = table[column].map(lambda m2: to_unit(m2, unit))
        table = table.rename(columns={c: c.replace("_m2", "_area") for c in AREA_COLUMNS})
        numeric = {c.replace("_m2", "_area") for c in AREA_COLUMNS} | {
            "restoration_rate_pct", "green_share_pct"}
        outputs = {OUTPUT: write_frame(self, parameters, context, table, numeric)}
        xlsx = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if xlsx:
            write_minestats_xlsx(stats, xlsx, unit)
            outputs[OUTPUT_XLSX] = xlsx
        return outputs
