"""The UI language: English source strings, Chinese from resources/translations (the default)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop import paths

LANGUAGES = {"zh": "简体中文", "en": "English"}
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> bool:
    """Switch the translator; widgets re-read their texts on LanguageChange. True if loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "zh":
        return True
    translator = QTranslator(app)
    ok = translator.load(str(paths.resource("translations", "onethird_zh_CN.qm")))
    if ok:
        app.installTranslator(translator)
        _installed.append(translator)
    # Qt's own texts (Yes/No buttons, file dialogs), from the translations Qt ships
    qt_translator = QTranslator(app)
    if qt_translator.load(
        "qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return ok


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
