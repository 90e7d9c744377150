"""What a check panel remembers in the QGIS project (``sg_nr_plugin`` scope of the .qgz).

Layer and field choices, which of them the user made (detection keeps those), the unit of the
declared area, the rule-set file, edited thresholds and the report file: saved on every change,
read back when a project is read. Projects saved before this scope existed kept only the
layer and field mapping, under ``sgnr_checks``: that is read when the new scope holds nothing.
"""

from __future__ import annotations

import json

from qgis.core import QgsProject

from ..core.units import AreaUnit
from .check_config import field_parent

SCOPE = "sg_nr_plugin"
DEFAULT_UNIT = int(AreaUnit.MU)  # 亩: what declared areas are given in
OLD_SCOPE = "sgnr_checks"


class PanelStateMixin:
    """Needs the pickers of :class:`~.check_detection.RoleDetectionMixin`, ``unit_combo``,
    ``ruleset_file``, ``report_file``, ``threshold_table`` and ``config`` on the panel."""

    def _key(self, name: str) -> str:
        return f"{self.config.name}/{name}"

    def _read(self, name: str) -> str:
        project = QgsProject.instance()
        value, ok = project.readEntry(SCOPE, self._key(name), "")
        if not ok and name.startswith(("layer/", "field/")):  # an older project
            value, ok = project.readEntry(OLD_SCOPE, self._key(name.split("/", 1)[1]), "")
        return value if ok else ""

    def save_mapping(self, *_args) -> None:
        """Store every choice of the panel in the project (it is saved with the .qgz)."""
        if self._loading:
            return
        project = QgsProject.instance()
        write = lambda name, value: project.writeEntry(SCOPE, self._key(name), value)  # noqa: E731
        for role, combo in self.role_combos.items():
            layer = combo.currentLayer()
            write(f"layer/{role}", layer.id() if layer else "")
        for param, combo in self.field_combos.items():
            write(f"field/{param}", combo.currentField())
        write("user_choices", ",".join(sorted(self._user_set)))
        write("unit", str(self.unit_combo.currentIndex()))
        write("ruleset", self.ruleset_file.filePath())
        write("report", self.report_file.filePath())
        write("thresholds", json.dumps(self.edited_thresholds(), ensure_ascii=False))

    def restore_mapping(self, *_args) -> bool:
        """Set the panel from the project's stored choices; False when nothing was stored."""
        project = QgsProject.instance()
        self._loading = True
        restored = False
        try:
            # First: setting a layer picker fills its field pickers, except the user's.
            self._user_set = {k for k in self._read("user_choices").split(",") if k}
            for role, combo in self.role_combos.items():
                layer = project.mapLayer(self._read(f"layer/{role}") or "-")
                if layer is not None:
                    combo.setLayer(layer)
                    restored = True
            for param, combo in self.field_combos.items():
                combo.setLayer(self.role_combos[field_parent(param)].currentLayer())
                name = self._read(f"field/{param}")
                if name:
                    combo.setField(name)
            unit = self._read("unit")
            if unit.isdigit() and int(unit) < self.unit_combo.count():
                self.unit_combo.setCurrentIndex(int(unit))
            self.report_file.setFilePath(self._read("report"))
            self.ruleset_file.setFilePath(self._read("ruleset"))
            self.load_thresholds(_stored_thresholds(self._read("thresholds")))
        finally:
            self._loading = False
        return restored

    def reset_settings(self) -> None:
        """A new project starts from the defaults, not from the previous project's rule set,
        thresholds and report file."""
        loading, self._loading = self._loading, True
        try:
            self.unit_combo.setCurrentIndex(DEFAULT_UNIT)
            self.report_file.setFilePath("")
            self.ruleset_file.setFilePath("")
            self.load_thresholds()
        finally:
            self._loading = loading

    def edited_thresholds(self) -> dict[str, str]:
        """The threshold cells whose text differs from the rule set's value."""
        table, values = self.threshold_table, self._threshold_defaults
        edited = {}
        for row in range(table.rowCount()):
            key, cell = table.item(row, 0), table.item(row, 1)
            if key is None or cell is None:
                continue
            default = values.get(key.data(KEY_ROLE))
            if default is not None and cell.text() != f"{default:g}":
                edited[key.data(KEY_ROLE)] = cell.text()
        return edited


def _stored_thresholds(text: str) -> dict[str, str]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


KEY_ROLE = 0x0100 + 10  # Qt.UserRole + 10: the threshold key behind its (translated) label
