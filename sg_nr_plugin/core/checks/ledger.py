"""The cultivated-land balance ledger (耕地占补平衡台账): occupied vs replenished, per region
and year.

Occupied: cultivated land (net of field ridges) of DLTB under the construction projects, by
approval year; of which paddy; the quality grade (GDDB) weighted by area. Overlapping
occupation projects of one year count their common land once.
Replenished: new cultivated land and new paddy of the *accepted* replenishment projects (status
in the status vocabulary project_status.json, or the verdict ``pass``), by filing year — read
from a ``checkfarmland`` projects layer (fields ``new_cultivated_m2``, ``new_paddy_m2``,
``grade``, ``zldwdm``) or computed here with the farmland check's quotas. A status value the
vocabulary does not know is not counted and is reported (field, value, count).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsGeometry, QgsSpatialIndex

from ...i18n import tr
from ..errors import SgNrError
from ..overlay import polygon_parts
from ..reading import read_features
from ..regions import region_code, region_name
from ..schema.mine import UnknownValues, status_vocabulary
from .context import CheckInputs, ProjectContext, ProjectPart, RunContext, difference, union
from .findings import MU_PER_M2

CHECK_FIELDS = ("new_cultivated_m2", "new_paddy_m2")


@dataclass
class LedgerCell:
    occupied_m2: float = 0.0
    occupied_paddy_m2: float = 0.0
    replenished_m2: float = 0.0
    replenished_paddy_m2: float = 0.0
    _grades: dict = field(default_factory=lambda: {"occ": [0.0, 0.0], "rep": [0.0, 0.0]})

    def add_grade(self, which: str, grade: float | None, area: float) -> None:
        if grade is not None and area > 0:
            self._grades[which][0] += grade * area
            self._grades[which][1] += area

    def grade(self, which: str) -> float | None:
        total, area = self._grades[which]
        return total / area if area > 0 else None

    @property
    def balance_m2(self) -> float:
        return self.replenished_m2 - self.occupied_m2

    @property
    def balance_paddy_m2(self) -> float:
        return self.replenished_paddy_m2 - self.occupied_paddy_m2

    def merge(self, other: LedgerCell) -> None:
        for name in ("occupied_m2", "occupied_paddy_m2", "replenished_m2",
                     "replenished_paddy_m2"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for which in ("occ", "rep"):
            for i in (0, 1):
                self._grades[which][i] += other._grades[which][i]


@dataclass
class LedgerInputs:
    occupation: object
    occupation_year_field: str
    replenishment: object
    replenishment_year_field: str
    check: CheckInputs  # DLTB, CRS, transform context (projects = replenishment)
    region_level: int = 1
    status_field: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    accepted_value: str | None = None  # values added to the vocabulary's “accepted”


YEARS = (1900, 2100)  # the bounds of the YEAR_FROM / YEAR_TO parameters


def _year(value, source, field_name: str, feature_id) -> int | None:
    """The year a value starts with (2021, "2021-05-01", "2021年"); None when empty. Anything
    else is refused: a wrong year field (fid, a name) would fill the ledger with rows of
    years 1, 2, 3… or leave every project out, and the run would look successful."""
    if value is None or str(value).strip() in ("", "NULL"):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # a QDate / QDateTime field
        value = value.toString("yyyy") if value.isValid() else ""
    text = str(value).strip()
    if not text:
        return None
    year = int(text[:4]) if text[:4].isdigit() else None
    if year is None or not YEARS[0] <= year <= YEARS[1]:
        name = source.sourceName() if hasattr(source, "sourceName") else str(source)
        raise SgNrError(tr(
            "Layer “{layer}”, field “{field}”: the value “{value}” of feature {fid} is not a "
            "year ({low}–{high}). Choose the field that holds the year (e.g. PZNF, the approval "
            "year).").format(layer=name, field=field_name, value=text, fid=feature_id,
                             low=YEARS[0], high=YEARS[1]))
    return year


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class Ledger:
    """Cells keyed by ``(region code, year)``; build with :func:`build_ledger`."""

    def __init__(self, inputs: LedgerInputs) -> None:
        self.inputs = inputs
        self.cells: dict[tuple[str, int], LedgerCell] = {}
        self.status = status_vocabulary(inputs.accepted_value)
        self.unknown_status = UnknownValues(self.status, inputs.status_field or "verdict")

    def cell(self, zldwdm: str, year: int) -> LedgerCell:
        key = (region_code(zldwdm, self.inputs.region_level), year)
        return self.cells.setdefault(key, LedgerCell())

    def in_range(self, year: int | None) -> bool:
        low, high = self.inputs.year_from, self.inputs.year_to
        return year is not None and (low is None or year >= low) and (high is None or year <= high)

    def total(self) -> LedgerCell:
        result = LedgerCell()
        for cell in self.cells.values():
            result.merge(cell)
        return result


def build_ledger(inputs: LedgerInputs, run: RunContext, feedback=None) -> Ledger:
    ledger = Ledger(inputs)
    _occupation(ledger, run, feedback)
    if feedback is not None and feedback.isCanceled():
        return ledger
    names = inputs.replenishment.fields().names()
    if all(name in names for name in CHECK_FIELDS):
        _replenishment_from_check_output(ledger)
    else:
        _replenishment_by_engine(ledger, feedback)
    if ledger.unknown_status and feedback is not None:
        feedback.pushWarning(ledger.unknown_status.message(
            inputs.replenishment.sourceName(),
            tr("project status"),
            tr("not counted as replenished: the ledger leaves these projects out (add the "
               "value to the accepted values to count them)")))
    return ledger


def _occupation(ledger: Ledger, run: RunContext, feedback) -> None:
    """Cultivated land under the occupation projects; same-year overlaps counted once."""
    inputs = ledger.inputs
    earlier: dict[int, tuple[QgsSpatialIndex, list[QgsGeometry]]] = {}
    for feature in read_features(inputs.occupation, None, "", inputs.check.read_counts):
        if feedback is not None and feedback.isCanceled():
            return
        year = _year(feature[inputs.occupation_year_field], inputs.occupation,
                     inputs.occupation_year_field, feature.id())
        geom = polygon_parts(QgsGeometry(feature.geometry()))
        if not ledger.in_range(year) or geom is None:
            continue
        if not geom.isGeosValid():
            geom = polygon_parts(geom.makeValid())
            if geom is None:
                continue
        index, seen = earlier.setdefault(year, (QgsSpatialIndex(), []))
        overlapping = [seen[i] for i in index.intersects(geom.boundingBox())]
        remaining = difference(geom, union(overlapping)) if overlapping else geom
        index.addFeature(len(seen), geom.boundingBox())
        seen.append(geom)
        if remaining.isEmpty():
            continue
        ctx = ProjectContext(run, str(feature.id()), [ProjectPart(feature.id(), remaining, {})])
        for piece in ctx.dltb_pieces():
            if not run.table.in_set(piece.code, "cultivated"):
                continue
            cell = ledger.cell(piece.zldwdm, year)
            cell.occupied_m2 += piece.net_m2
            if run.table.in_set(piece.code, "paddy"):
                cell.occupied_paddy_m2 += piece.net_m2
            cell.add_grade("occ", _number(piece.gddb), piece.net_m2)


def _accepted(ledger: Ledger, attributes: dict) -> bool:
    """Accepted by the status field (or, without one, by the check verdict); a value the
    vocabulary does not know is recorded for the warning and not counted."""
    status_field = ledger.inputs.status_field
    name = status_field or ("verdict" if "verdict" in attributes else None)
    if name is None:
        return True
    value = attributes.get(name)
    kind = ledger.status.classify(value)
    if kind is None:
        ledger.unknown_status.add(value)
    return kind == "accepted"


def _replenishment_from_check_output(ledger: Ledger) -> None:
    inputs = ledger.inputs
    names = inputs.replenishment.fields().names()
    for feature in read_features(inputs.replenishment, None, "", inputs.check.read_counts):
        attributes = dict(zip(names, feature.attributes()))
        year = _year(attributes.get(inputs.replenishment_year_field), inputs.replenishment,
                     inputs.replenishment_year_field, feature.id())
        if not ledger.in_range(year) or not _accepted(ledger, attributes):
            continue
        _add_replenished(ledger, str(attributes.get("zldwdm") or ""), year,
                         _number(attributes.get("new_cultivated_m2")),
                         _number(attributes.get("new_paddy_m2")),
                         _number(attributes.get("grade")))


def _replenishment_by_engine(ledger: Ledger, feedback) -> None:
    """Quotas of the replenishment projects computed with the farmland check (DLTB only)."""
    from .engine import create_run
    from .farmland import FARMLAND
    from .ruleset import builtin_ruleset

    inputs = ledger.inputs
    check = create_run(inputs.check, FARMLAND, builtin_ruleset("farmland"), feedback)
    for result in check.results():
        attributes = check.projects[result.project_id][0].attributes
        year = _year(attributes.get(inputs.replenishment_year_field), inputs.replenishment,
                     inputs.replenishment_year_field, result.project_id)
        if not ledger.in_range(year) or not _accepted(ledger, attributes):
            continue
        quotas = result.quotas
        _add_replenished(ledger, str(quotas.get("zldwdm") or ""), year,
                         quotas.get("new_cultivated_m2"), quotas.get("new_paddy_m2"),
                         quotas.get("grade"))


def _add_replenished(ledger, zldwdm, year, new_m2, paddy_m2, grade) -> None:
    cell = ledger.cell(zldwdm, year)
    cell.replenished_m2 += new_m2 or 0.0
    cell.replenished_paddy_m2 += paddy_m2 or 0.0
    cell.add_grade("rep", grade, new_m2 or 0.0)


# ---- rows of the output table and the workbook -----------------------------------------------
AREA_COLUMNS = ("occupied", "occupied_paddy", "replenished", "replenished_paddy", "balance",
                "balance_paddy")


def _areas(cell: LedgerCell) -> dict[str, float]:
    return {"occupied": cell.occupied_m2, "occupied_paddy": cell.occupied_paddy_m2,
            "replenished": cell.replenished_m2, "replenished_paddy": cell.replenished_paddy_m2,
            "balance": cell.balance_m2, "balance_paddy": cell.balance_paddy_m2}


def ledger_rows(ledger: Ledger) -> list[dict]:
    """One row per region and year, sorted, then a totals row (year None)."""
    rows = []
    for (code, year), cell in sorted(ledger.cells.items()):
        rows.append(_row(code, region_name(code), year, cell))
    rows.append(_row("", tr("Total"), None, ledger.total()))
    return rows


def _row(code, name, year, cell: LedgerCell) -> dict:
    row = {"region_code": code, "region_name": name, "year": year}
    for key, m2 in _areas(cell).items():
        row[f"{key}_m2"] = m2
        row[f"{key}_mu"] = m2 * MU_PER_M2
    row["occupied_grade"] = cell.grade("occ")
    row["replenished_grade"] = cell.grade("rep")
    return row
