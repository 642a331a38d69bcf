"""Reading our own PDFs back without poppler or pypdf: which fonts they embed, and their text.

The self-test runs on office PCs and in the bundle, where neither `pdftotext` nor a PDF library
is at hand, and adding one as a runtime dependency only for this check is not worth its weight.
This reads what reportlab writes (and nothing more general): numbered objects with direct
`/Length`s, Flate streams, simple TrueType subset fonts whose codes map to Unicode through a
`/ToUnicode` CMap, and page content drawn with `Tf` and `Tj`/`TJ`. Text is returned per page in
drawing order, which is reading order for the reports' paragraphs and table cells.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b")
_REF = rb"(\d+)\s+0\s+R"
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+0\s+R)")
_STREAM = re.compile(rb"stream\r?\n")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
# in a content stream: a font choice, the start of a literal string, a hex string, an operator
# that ends a line of text
_TOKEN = re.compile(rb"/([^\s/\[\]()<>]+)\s+[\d.]+\s+Tf|(\()|<([0-9A-Fa-f\s]*)>|(ET|T\*|'|\")")


class PdfReadError(ValueError):
    """The file is not a PDF as reportlab writes it."""


@dataclass(frozen=True, slots=True)
class PdfFont:
    name: str  # the BaseFont without its subset tag: NotoSansSC, NotoSansSC-Bold
    subset: bool  # named ABCDEF+Name: only the glyphs used are inside
    embedded: bool  # the descriptor carries the font program (FontFile, FontFile2 or FontFile3)
    program: str  # FontFile2 = TrueType outlines; "" when not embedded


class PdfReadback:
    def __init__(self, data: bytes) -> None:
        if not data.startswith(b"%PDF-"):
            raise PdfReadError("no %PDF- header")
        self._objects: dict[int, tuple[bytes, bytes | None]] = {}
        self._parse(data)

    def _parse(self, data: bytes) -> None:
        pos = 0
        while (match := _OBJECT.search(data, pos)) is not None:
            number, start = int(match.group(1)), match.end()
            stream = _STREAM.search(data, start)
            end = data.find(b"endobj", start)
            if end < 0:
                raise PdfReadError(f"object {number} has no endobj")
            if stream is None or stream.start() > end:
                self._objects[number] = (data[start:end], None)
                pos = end + 6
                continue
            head = data[start : stream.start()]
            length = _LENGTH.search(head)
            if length is None:
                raise PdfReadError(f"stream {number} has no direct /Length")
            body = data[stream.end() : stream.end() + int(length.group(1))]
            if b"/FlateDecode" in head:
                body = zlib.decompress(body)
            self._objects[number] = (head, body)
            pos = data.find(b"endobj", stream.end() + int(length.group(1))) + 6
        if not self._objects:
            raise PdfReadError("no objects")

    def _dict(self, number: int) -> bytes:
        return self._objects[number][0]

    def _stream(self, number: int) -> bytes:
        body = self._objects[number][1]
        if body is None:
            raise PdfReadError(f"object {number} is not a stream")
        return body

    def _ref(self, head: bytes, key: bytes) -> int | None:
        match = re.search(rb"/" + key + rb"\s+" + _REF, head)
        return int(match.group(1)) if match else None

    def fonts(self) -> list[PdfFont]:
        found = []
        for head, _ in self._objects.values():
            if not re.search(rb"/Type\s*/Font\b", head):
                continue
            base = re.search(rb"/BaseFont\s*/([^\s/\[\]<>]+)", head)
            if base is None:
                continue
            tag, _, name = base.group(1).decode("latin-1").rpartition("+")
            descriptor = self._ref(head, b"FontDescriptor")
            program = ""
            if descriptor is not None:
                kind = re.search(rb"/(FontFile[23]?)\s+" + _REF, self._dict(descriptor))
                program = kind.group(1).decode() if kind else ""
            font = PdfFont(name, len(tag) == 6 and tag.isupper(), bool(program), program)
            if font not in found:
                found.append(font)
        return found

    def pages(self) -> list[str]:
        """The text of each page, in page order."""
        root = next(
            (n for n, (head, _) in self._objects.items() if re.search(rb"/Type\s*/Pages", head)),
            None,
        )
        if root is None:
            raise PdfReadError("no page tree")
        return [self._page_text(n) for n in self._leaves(root)]

    def _leaves(self, number: int) -> list[int]:
        head = self._dict(number)
        kids = re.search(rb"/Kids\s*\[(.*?)\]", head, re.S)
        if kids is None:
            return [number]
        return [leaf for k in re.findall(_REF, kids.group(1)) for leaf in self._leaves(int(k))]

    def _page_text(self, number: int) -> str:
        head = self._dict(number)
        cmaps = self._font_cmaps(head)
        contents = re.search(rb"/Contents\s*(\[.*?\]|" + _REF + rb")", head, re.S)
        if contents is None:
            return ""
        refs = [int(r) for r in re.findall(_REF, contents.group(0))]
        return "".join(_text(self._stream(r), cmaps) for r in refs)

    def _font_cmaps(self, page: bytes) -> dict[str, dict[int, str]]:
        resources_ref = self._ref(page, b"Resources")
        resources = self._dict(resources_ref) if resources_ref is not None else page
        font_ref = self._ref(resources, b"Font")
        if font_ref is not None:
            fonts = self._dict(font_ref)
        else:
            inline = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
            fonts = inline.group(1) if inline else b""
        cmaps = {}
        for name, ref in re.findall(rb"/([^\s/\[\]<>]+)\s+" + _REF, fonts):
            unicode_ref = self._ref(self._dict(int(ref)), b"ToUnicode")
            if unicode_ref is not None:
                cmaps[name.decode("latin-1")] = _cmap(self._stream(unicode_ref))
        return cmaps


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        codes = _HEX.findall(block)
        for src, dst in zip(codes[::2], codes[1::2], strict=True):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in _BFRANGE.findall(data):
        codes = _HEX.findall(block)
        for lo, hi, dst in zip(codes[::3], codes[1::3], codes[2::3], strict=True):
            start = ord(bytes.fromhex(dst.decode()).decode("utf-16-be"))
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + i)
    return mapping


def _literal(data: bytes, pos: int) -> tuple[bytes, int]:
    """The string starting after the "(" at pos; returns its bytes and the position after it."""
    out = bytearray()
    depth = 1
    while pos < len(data):
        c = data[pos]
        pos += 1
        if c == 0x5C:  # backslash
            nxt = data[pos]
            if 0x30 <= nxt <= 0x37:
                digits = re.match(rb"[0-7]{1,3}", data[pos : pos + 3])
                assert digits is not None
                out.append(int(digits.group(), 8) & 0xFF)
                pos += len(digits.group())
            elif nxt in (0x0A, 0x0D):  # a line continuation
                pos += 1
            else:
                out.append(_ESCAPES.get(nxt, nxt))
                pos += 1
        elif c == 0x28:
            depth += 1
            out.append(c)
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), pos
            out.append(c)
        else:
            out.append(c)
    raise PdfReadError("unterminated string")


def _text(content: bytes, cmaps: dict[str, dict[int, str]]) -> str:
    out: list[str] = []
    cmap: dict[int, str] = {}
    pos = 0
    while (match := _TOKEN.search(content, pos)) is not None:
        pos = match.end()
        font, literal, hexstring, operator = match.groups()
        if font is not None:
            cmap = cmaps.get(font.decode("latin-1"), {})
        elif literal is not None:
            raw, pos = _literal(content, pos)
            out.append("".join(cmap.get(b, chr(b)) for b in raw))
        elif hexstring is not None:
            raw = bytes.fromhex(re.sub(rb"\s", b"", hexstring).decode())
            out.append("".join(cmap.get(b, chr(b)) for b in raw))
        elif operator in (b"ET", b"T*", b"'", b'"'):
            out.append("\n")
    return "".join(out)
