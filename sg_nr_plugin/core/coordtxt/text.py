"""Bytes → text, and the full-width forms some writers emit → the ASCII the format expects.

Writers seen in the wild: GBK (the monitoring system's), UTF-8 with or without BOM, UTF-16
(Windows Notepad's "Unicode", with a BOM), and lines typed with a Chinese input method, whose
punctuation and digits are full-width (，＠１２．５【属性描述】).
"""

from __future__ import annotations

import codecs
import unicodedata

ENCODING_UTF8_BOM = "UTF-8 (BOM)"
ENCODING_UTF8 = "UTF-8"
ENCODING_UTF16LE = "UTF-16 LE (BOM)"
ENCODING_UTF16BE = "UTF-16 BE (BOM)"
ENCODING_GBK = "GBK"
ENCODING_ASCII = "ASCII"
ENCODING_UNKNOWN = "unknown"

_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le", ENCODING_UTF16LE),
               (codecs.BOM_UTF16_BE, "utf-16-be", ENCODING_UTF16BE))
# Brackets NFKC leaves alone but writers use for the section names.
_BRACKETS = str.maketrans({"【": "[", "】": "]", "〔": "[", "〕": "]", "［": "[", "］": "]"})


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding label)``; never raises.

    A BOM decides first (UTF-8, UTF-16 LE/BE). Without one UTF-8 is tried strictly before GBK
    because GBK bytes are almost never valid UTF-8, while the reverse guess would silently
    garble UTF-8 text. GB18030 (a superset of GBK) decodes the GBK files so that rare
    characters some editors add do not fail the whole file.
    """
    for bom, codec, label in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), label
            except UnicodeDecodeError:
                return data[len(bom):].decode(codec, errors="replace"), ENCODING_UNKNOWN
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), ENCODING_UTF8_BOM
        except UnicodeDecodeError:
            pass
    else:
        try:
            text = data.decode("utf-8")
            return text, ENCODING_ASCII if text.isascii() else ENCODING_UTF8
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("gb18030"), ENCODING_GBK
        except UnicodeDecodeError:
            pass
    return data.decode("gb18030", errors="replace").lstrip("\ufeff"), ENCODING_UNKNOWN


def ascii_form(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (NFKC: ０→0, ．→., ｍ²→m2)."""
    return unicodedata.normalize("NFKC", text).strip()


def structural_line(line: str, coordinates: bool = True) -> tuple[str, bool]:
    """The line with full-width *separators* made ASCII; ``True`` when any was replaced.

    Only structure is touched: section brackets; in the [地块坐标] section (``coordinates``)
    the final ``@`` and — when the line has no ASCII comma at all — the full-width commas
    between fields; elsewhere the ``=`` of a header line written ``＝`` or ``：`` (its value
    may hold any comma).
    A full-width comma inside a name on a line that also has ASCII commas is text (our own
    writer turns a comma in a name into ``，``) and is kept.
    """
    original = line
    stripped = line.strip()
    bracketed = stripped.translate(_BRACKETS)
    if bracketed.startswith("[") and bracketed.endswith("]") and len(bracketed) > 2:
        return bracketed, bracketed != stripped
    if coordinates:
        if stripped.endswith("＠"):
            stripped = stripped[:-1] + "@"
        if "," not in stripped and "，" in stripped:
            stripped = stripped.replace("，", ",")
    elif "=" not in stripped:
        for mark in ("＝", "："):  # 坐标系＝…, 带号：38 (an input method's colon)
            if mark in stripped:
                stripped = stripped.replace(mark, "=", 1)
                break
    return stripped, stripped != original.strip()
