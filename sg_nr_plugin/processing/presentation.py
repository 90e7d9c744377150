"""How a result layer is shown, whoever loads it (a check panel or Processing): its style,
field aliases in the interface language, areas rounded for display, and legend labels set
from translated strings (the .qml styles hold keys, not bilingual labels).

The stored values are not touched: rounding is the field formatter's (a ``Range`` editor
widget with ``Precision``), so the attribute table shows 28798.82 while the feature holds
28798.8221….
"""

from __future__ import annotations

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsProcessingLayerPostProcessorInterface,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from ..core.checks.findings import severity_label, verdict_label
from ..core.checks.rule_texts import any_rule_title
from ..core.schema.result_fields import result_fields
from ..i18n import tr
from ..paths import resource_path

_RANGE_LIMIT = 1e15  # the Range widget's editor bounds: far beyond any area in m²


def present_layer(layer, style: str | None = None) -> None:
    """Style (a file under resources/styles/), aliases, display precision and legend."""
    if not isinstance(layer, QgsVectorLayer):
        return
    if style:
        layer.loadNamedStyle(str(resource_path("styles", style)))
    apply_field_presentation(layer)
    translate_legend(layer)
    translate_coded_labels(layer)
    layer.triggerRepaint()


def apply_field_presentation(layer: QgsVectorLayer) -> None:
    """Aliases from the result-field table; numeric area fields shown rounded."""
    table = result_fields()
    for index, field in enumerate(layer.fields()):
        alias = table.alias(field.name())
        if alias:
            layer.setFieldAlias(index, alias)
        places = table.places(field.name())
        if places is not None and field.isNumeric():
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Range", {
                "Precision": places, "Step": 10 ** -places, "Min": -_RANGE_LIMIT,
                "Max": _RANGE_LIMIT, "AllowNull": True, "Style": "SpinBox"}))


def legend_label(key: str) -> str | None:
    """The translated legend label of a style rule whose description is ``key``."""
    kind, _, value = key.partition(":")
    if kind == "severity":
        return severity_label(value)
    if kind == "verdict":
        return verdict_label(value)
    if key == "scale:in":
        return tr("Areas (zoomed in)")
    if key == "scale:out":
        return tr("Points (zoomed out)")
    return None


def translate_legend(layer: QgsVectorLayer, label_of=None) -> None:
    """Legend labels of a rule-based style from its rules' keys (descriptions): by
    ``label_of(key)``, the interface language's :func:`legend_label` when not given."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsRuleBasedRenderer):
        return
    label_of = label_of or legend_label
    pending = list(renderer.rootRule().children())
    while pending:
        rule = pending.pop()
        label = label_of(rule.description())
        if label:
            rule.setLabel(label)
        pending.extend(rule.children())


def coded_label_expression(expression: str, field: str, titles: dict) -> str:
    """``expression`` with field ``field`` replaced by ``titles`` of its values (code →
    text in the interface language); a value without a title is shown as it is."""
    quoted = f'"{field}"'
    cases = [f"WHEN {quoted} = {QgsExpression.quotedString(str(code))} "
             f"THEN {QgsExpression.quotedString(title)}"
             for code, title in sorted(titles.items(), key=lambda item: str(item[0]))]
    if not cases:
        return expression
    return expression.replace(quoted, f"(CASE {' '.join(cases)} ELSE {quoted} END)")


# field of a result layer → the title of one of its codes (the styles' labels hold codes)
_LABEL_TITLES = {"rule_id": any_rule_title, "verdict": verdict_label}


def translate_coded_labels(layer: QgsVectorLayer, titles: dict | None = None) -> None:
    """Map labels that show a rule id or a verdict code show its title instead: the
    findings' labels read ``area_mismatch`` in a Chinese desktop. ``titles``: field → function
    giving the title of a code (default: the interface language's)."""
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    if not settings.isExpression:
        return
    expression = settings.fieldName
    for field, title in (titles or _LABEL_TITLES).items():
        index = layer.fields().indexOf(field)
        if index < 0 or f'"{field}"' not in expression:
            continue
        titles = {v: title(str(v)) for v in layer.uniqueValues(index) if v is not None}
        expression = coded_label_expression(expression, field, titles)
    if expression != settings.fieldName:
        settings.fieldName = expression
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


class PresentationPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies :func:`present_layer` when Processing adds a result layer to the project.

    One instance per layer and run: the context owns it and deletes it with itself (and when
    its entry is re-keyed), so an instance is never shared. Python keeps a reference too: a
    collected Python half would leave QGIS calling into a deleted object."""

    _created: list[PresentationPostProcessor] = []

    def __init__(self, style: str = "") -> None:
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API name
        present_layer(layer, self.style or None)

    @classmethod
    def create(cls, style: str = "") -> PresentationPostProcessor:
        processor = cls(style)
        cls._created.append(processor)
        return processor


def attach_presentation(context, results: dict, styles: dict | None = None) -> None:
    """Every result layer Processing will load gets aliases, display precision and, for the
    outputs named in ``styles``, its style. Called after the outputs were moved into place,
    once the layers to load have their final keys (re-keying deletes post-processors)."""
    for name, value in (results or {}).items():
        if isinstance(value, str) and context.willLoadLayerOnCompletion(value):
            details = context.layerToLoadOnCompletionDetails(value)
            if details.postProcessor() is None:
                details.setPostProcessor(
                    PresentationPostProcessor.create((styles or {}).get(name, "")))
