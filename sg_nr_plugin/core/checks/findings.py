"""What a check produces: findings, per-project results and verdicts, in two languages.

Messages are needed in Chinese *and* English whatever the interface language (reports go to
the bureau in Chinese; logs and bug reports are read in English), so message templates are
marked with ``QT_TRANSLATE_NOOP`` (``pylupdate5`` extracts them) and translated here with an
explicitly loaded zh_CN translator instead of the installed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import QTranslator

from ...i18n import CONTEXT, tr
from ...paths import i18n_path
from ..units import MU_M2

VERDICT_FAIL = "fail"
VERDICT_FIX = "needs_fixing"
VERDICT_PASS = "pass"
VERDICTS = (VERDICT_FAIL, VERDICT_FIX, VERDICT_PASS)

MU_PER_M2 = 1.0 / MU_M2
# Fixed Chinese labels for the output layers and reports (independent of the interface language).
VERDICT_ZH = {VERDICT_FAIL: "不通过", VERDICT_FIX: "需整改", VERDICT_PASS: "通过"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

_zh_translator: QTranslator | None = None


def _zh() -> QTranslator | None:
    global _zh_translator
    if _zh_translator is None:
        translator = QTranslator()
        if translator.load(str(i18n_path("sg_nr_plugin_zh_CN.qm"))):
            _zh_translator = translator
    return _zh_translator


@dataclass(frozen=True)
class Both:
    """A message value that has a text in each language (a land class's name)."""

    zh: str
    en: str


def class_name(land_class) -> Both:
    """A land class's name in both languages, for a message."""
    return Both(land_class.name_zh, land_class.name_en)


def bilingual(template: str, **values) -> tuple[str, str]:
    """``(zh, en)`` texts of a ``QT_TRANSLATE_NOOP(CONTEXT, …)`` template filled with values
    (a :class:`Both` value gives each language its own text)."""
    translator = _zh()
    # PyQt5 passes a str to QTranslator.translate as ASCII: give it the UTF-8 bytes.
    zh_template = (translator.translate(CONTEXT, template.encode("utf-8"))
                   if translator else "") or template
    zh = {k: v.zh if isinstance(v, Both) else v for k, v in values.items()}
    en = {k: v.en if isinstance(v, Both) else v for k, v in values.items()}
    return zh_template.format(**zh), template.format(**en)


def verdict_label(verdict: str) -> str:
    """The verdict in the interface language (不通过 / 需整改 / 通过)."""
    return {
        VERDICT_FAIL: tr("Fail"),
        VERDICT_FIX: tr("Needs fixing"),
        VERDICT_PASS: tr("Pass"),
    }.get(verdict, verdict)


def severity_label(severity: str) -> str:
    return {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Info")}.get(
        severity, severity)


@dataclass
class Finding:
    project_id: str
    rule_id: str
    severity: str
    area_m2: float
    geometry: QgsGeometry | None
    message_zh: str
    message_en: str

    @property
    def area_mu(self) -> float:
        return self.area_m2 * MU_PER_M2


@dataclass
class ProjectResult:
    project_id: str
    geometry: QgsGeometry
    area_m2: float
    declared_m2: float | None = None
    parcel_count: int = 0
    findings: list[Finding] = field(default_factory=list)
    quotas: dict[str, object] = field(default_factory=dict)
    not_checked: list[str] = field(default_factory=list)
    partly_checked: list[str] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def verdict(self) -> str:
        """Fail on any error, needs fixing on warnings only; info never changes the verdict."""
        if self.count("error"):
            return VERDICT_FAIL
        if self.count("warning"):
            return VERDICT_FIX
        return VERDICT_PASS

    @property
    def area_mu(self) -> float:
        return self.area_m2 * MU_PER_M2
