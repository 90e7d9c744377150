"""Translation helpers: one context for the whole plugin, English source strings.

Always call ``tr("literal {x}").format(x=...)``: the literal is what ``pylupdate5`` extracts,
so never pass a variable or an f-string to ``tr``.
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .paths import i18n_path

# pylupdate5 files module-level ``tr()`` calls under "@default"; use the same context.
CONTEXT = "@default"

_translator: QTranslator | None = None


def tr(message: str) -> str:
    """Translate ``message`` in the plugin's single context."""
    return QCoreApplication.translate(CONTEXT, message)


def ui_language() -> str:
    """``"zh"`` while the plugin's Chinese catalogue is installed, else ``"en"``: the choice
    ``tr()`` makes, for texts it cannot reach (bilingual fields of data files, the two message
    columns of the check outputs)."""
    return "zh" if tr("Interface language: en").endswith("zh") else "en"


def qgis_locale() -> str:
    """The locale QGIS uses for its interface, e.g. ``zh_CN`` (falls back to the system's)."""
    # QGIS desktop records the translation it chose (settings or ``--lang``) on the application.
    app = QgsApplication.instance()
    code = app.translation() if isinstance(app, QgsApplication) else ""
    if code:
        return code
    settings = QSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        value = settings.value("locale/userLocale", "", type=str)
    else:
        value = settings.value("locale/globalLocale", "", type=str) or QLocale.system().name()
    return value or "en_US"


def install_translator(locale: str | None = None) -> bool:
    """Load ``i18n/sg_nr_plugin_<locale>.qm`` and install it; True if one was installed."""
    global _translator
    locale = locale or qgis_locale()
    candidates = [locale, locale.split("_")[0]]
    if locale.lower().startswith("zh"):
        candidates.append("zh_CN")
    for name in candidates:
        qm = i18n_path(f"sg_nr_plugin_{name}.qm")
        if qm.exists():
            translator = QTranslator()
            if translator.load(str(qm)):
                remove_translator()
                QCoreApplication.installTranslator(translator)
                _translator = translator
                return True
    return False


def remove_translator() -> None:
    """Uninstall the translator installed by :func:`install_translator`, if any."""
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
