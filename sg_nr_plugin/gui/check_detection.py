"""The check panel's layer and field pickers, filled by detection (names, fields, geometry).

Detection runs when the panel is made, when layers are added (or, for a hidden panel, when it
is next shown), when a project without a stored mapping is read, and on the "Detect layers"
button. Automatic runs only fill empty layer
pickers, and the field pickers of a layer newly put in a picker, so a choice the user made is
never overwritten; the button sets every role and field it finds. A layer
whose name fits two roles is given to none: the panel names it and its candidate roles.
"""

from __future__ import annotations

from functools import partial

from qgis.core import QgsProject
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QComboBox, QLabel

from ..core.checks.project_fields import choose_id_field, review_projects
from ..core.checks.roles import detect, detect_fields
from ..core.errors import SgNrError
from ..i18n import tr
from .check_config import field_parent, layer_filter, layer_info, role_label
from .panel_widgets import form_label


class RoleDetectionMixin:
    """Needs ``config`` (a DockConfig), ``save_mapping`` and ``_loading`` on the panel."""

    def _build_pickers(self, layers_form, fields_form) -> None:
        self.role_combos: dict[str, QgsMapLayerComboBox] = {}
        self._user_set: set[str] = set()  # pickers the user chose (kept by detection)
        for role in self.config.roles:
            combo = QgsMapLayerComboBox()
            combo.setObjectName(f"sgnrLayer_{role}")
            combo.setFilters(layer_filter(role))
            combo.setAllowEmptyLayer(True)
            _shrinkable(combo)
            combo.setLayer(None)
            combo.layerChanged.connect(self.save_mapping)
            combo.layerChanged.connect(partial(_name_tip, combo))  # a narrow panel cuts names
            # activated: only a choice made with the mouse or keyboard, never setLayer()
            combo.activated.connect(partial(self._user_chose, role))
            self.role_combos[role] = combo
            layers_form.addRow(form_label(role_label(role)), combo)
        self.field_combos: dict[str, QgsFieldComboBox] = {}
        for param in self.config.fields:
            parent = self.role_combos.get(field_parent(param))
            if parent is None:
                continue
            combo = QgsFieldComboBox()
            combo.setObjectName(f"sgnrField_{param}")
            combo.setAllowEmptyFieldName(True)
            _shrinkable(combo)
            combo.fieldChanged.connect(self.save_mapping)
            combo.fieldChanged.connect(self._review_fields)
            combo.activated.connect(partial(self._user_chose, param))
            parent.layerChanged.connect(combo.setLayer)
            parent.layerChanged.connect(partial(self._parent_changed, param))
            self.field_combos[param] = combo
            fields_form.addRow(form_label(role_label(param)), combo)
        self.detection_notes = QLabel()
        self.detection_notes.setWordWrap(True)
        self.detection_notes.setStyleSheet("color: #b35900")
        self._ambiguity_text = ""
        self._reading = False  # a project is being read: its stored mapping comes first
        self._stale = False  # layers were added while the panel was hidden
        QgsProject.instance().layersAdded.connect(self._layers_added)
        QgsProject.instance().loadingLayer.connect(self._layer_loading)
        self.visibilityChanged.connect(self._shown)

    def _user_chose(self, key: str, *_args) -> None:
        """A picker set by the user: automatic detection leaves it alone from now on."""
        self._user_set.add(key)
        self.save_mapping()

    def _parent_changed(self, param: str, *_args) -> None:
        self.fill_fields((param,))

    # ---- detection --------------------------------------------------------------------------
    def detect_roles(self, only_empty: bool = False) -> dict:
        """Set the layer pickers from detection; returns ``{role: layer id}`` found."""
        project = QgsProject.instance()
        layers = [layer_info(layer) for layer in project.mapLayers().values()]
        found = detect(layers, self.config.roles, self.config.kind)
        notes = [tr("Layer “{layer}” fits several roles ({roles}): choose it in the right "
                    "picker.").format(layer=project.mapLayer(layer_id).name(),
                                      roles=tr(", ").join(role_label(r) for r in roles))
                 for layer_id, roles in found.ambiguous.items()]
        for role, layer_id in found.roles.items():
            combo = self.role_combos[role]
            if not only_empty:  # the button: the user asked for detection
                self._user_set.discard(role)
            if not only_empty or (combo.currentLayer() is None and role not in self._user_set):
                combo.setLayer(project.mapLayer(layer_id))
            if role in found.passed_over and combo.currentLayer() is project.mapLayer(layer_id):
                notes.append(_passed_over_note(project, role, layer_id, found.passed_over[role]))
        self._ambiguity_text = "\n".join(notes)
        if only_empty:  # a new layer in a picker fills its field pickers (layerChanged)
            self._review_fields()
        else:
            self.fill_fields(force=True)
        return found.roles

    def fill_fields(self, params=None, force: bool = False) -> None:
        """Fill field pickers from their layer's fields (SBMJ, ZRBHDFQ…): empty ones, or all."""
        for param in params or tuple(self.field_combos):
            combo = self.field_combos.get(param)
            layer = self.role_combos[field_parent(param)].currentLayer()
            if combo is None or layer is None:
                continue
            combo.setLayer(layer)
            current = combo.currentField()
            if force:
                self._user_set.discard(param)
            elif param in self._user_set and (not current or layer.fields().indexOf(current) >= 0):
                continue  # the user's choice, even an empty one
            if force or not current or layer.fields().indexOf(current) < 0:
                name = detect_fields(layer.fields().names(), field_parent(param), (param,))
                if name.get(param) or force:
                    combo.setField(name.get(param, ""))
        self._review_fields()

    def _layer_loading(self, *_args) -> None:
        self._reading = True  # until readProject (the panel's _project_read)

    def _layers_added(self, _layers) -> None:
        if sip.isdeleted(self) or self._loading or self._reading:
            return
        if self.isVisible():
            self.detect_roles(only_empty=True)
        else:  # a closed or hidden panel catches up when it is shown
            self._stale = True

    def _shown(self, visible: bool) -> None:
        if visible and self._stale and not sip.isdeleted(self):
            self._stale = False
            self.detect_roles(only_empty=True)

    def _review_fields(self, *_args) -> None:
        """Show the ambiguities and the warnings on project ids and declared areas."""
        notes = [self._ambiguity_text] if self._ambiguity_text else []
        projects = self.role_combos["PROJECTS"].currentLayer()
        id_combo = self.field_combos.get("PROJECT_ID_FIELD")
        area_combo = self.field_combos.get("DECLARED_AREA_FIELD")
        if projects is not None and id_combo is not None:
            chosen, warnings = choose_id_field(projects.fields(), projects.name())
            if id_combo.currentField() in ("", chosen):  # a name field, or none at all
                notes += warnings
        if projects is not None and id_combo is not None and id_combo.currentField():
            try:
                notes += review_projects(projects, id_combo.currentField(),
                                         area_combo.currentField() if area_combo else None,
                                         projects.name())
            except SgNrError as error:
                notes.append(str(error))
        self.detection_notes.setText("\n".join(notes))
        self.detection_notes.setVisible(bool(notes))


def _passed_over_note(project, role: str, chosen: str, others) -> str:
    return tr("“{chosen}” was chosen for “{role}”; “{others}” fit too.").format(
        chosen=project.mapLayer(chosen).name(), role=role_label(role),
        others=f"”{tr(', ')}“".join(project.mapLayer(i).name() for i in others))


def _name_tip(combo, layer) -> None:
    combo.setToolTip(layer.name() if layer is not None else "")


def _shrinkable(combo) -> None:
    """Let a picker shrink with a narrow dock instead of clipping the form."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
