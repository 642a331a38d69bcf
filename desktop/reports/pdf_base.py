"""What every report PDF shares: A4 pages numbered 第 x 页 共 y 页, styles, tables, figures.

A `PdfDoc` collects the story of one document. All text goes through its `FontCheck`, so the
warnings it returns name every character the font could not draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.reports.charts import figure_image
from desktop.reports.fonts import FontCheck, FontWarning, reportlab_fonts
from desktop.reports.labels import label
from desktop.reports.text_fit import HARD_LIMIT, break_lines, fit_lines, fit_width, shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from PIL.Image import Image as PILImage

# Binary streams instead of ASCII85: a quarter smaller, and without reportlab's C accelerator
# encoding the charts' pixels in Python was a tenth of a monthly report's time.
rl_config.useA85 = 0

RED = colors.HexColor("#b22222")
GREY = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#e9e9e9")
TOTAL_FILL = colors.HexColor("#f4f4f4")
LINE = colors.HexColor("#333333")
# a table row cannot break across pages: a cell's text is cut past this many lines
MAX_CELL_LINES = 10
MAX_PARA_CHARS = 20_000  # a paragraph may run over pages; past this it is cut all the same


def day_text(day: date, lang: str = "zh") -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()


def days_text(value: float) -> str:
    return f"{value:.1f}"


def share_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def amount_text(value: float | None) -> str:
    """万元 amounts: whole numbers without decimals, others with two."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, so each can say how many pages there are in all."""

    def __init__(self, *args: Any, decorate: Callable[[Canvas, int, int], None], **kw: Any):
        super().__init__(*args, **kw)
        self._pages: list[dict[str, Any]] = []
        self._decorate = decorate

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


class _Picture(Flowable):  # type: ignore[misc]
    """A drawn chart, handed to reportlab as pixels (platypus' Image wants a file)."""

    def __init__(self, image: PILImage, width: float, height: float) -> None:
        super().__init__()
        self.image, self.width, self.height = image, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(ImageReader(self.image), 0, 0, self.width, self.height)


class _Lined(Paragraph):  # type: ignore[misc]
    """A paragraph of plain text broken into lines by text_fit's rules for the width it is
    given (a cell's, the page's): reportlab's CJK wrap would let ，：；！？》 begin a line.

    Each line is handed to reportlab ended by <br/>; none is wider than the width, so reportlab
    breaks nowhere else. The pieces of a split arrive already broken (text None)."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        *args: Any,
        plain: str | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(text, style, *args, **kw)
        self._plain = plain
        self._room: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        style = self.style
        room = available_width - style.leftIndent - style.rightIndent - style.firstLineIndent
        if self._plain is not None and room != self._room:
            self._room = room
            lines = break_lines(self._plain, style.fontName, style.fontSize, room)
            Paragraph.__init__(self, "<br/>".join(escape(line) for line in lines), style)
        size: tuple[float, float] = super().wrap(available_width, available_height)
        return size


class _HeadingGuard(CondPageBreak):  # type: ignore[misc]
    """Before a heading: on to the next page unless the heading and the start of what follows
    it fit on this one — a table's header and first row, a picture or a block that cannot be
    split whole. keepWithNext would move a long table whole, leaving the page's foot empty."""

    def __init__(self, heading: Paragraph) -> None:
        super().__init__(0)
        self.heading = heading
        self.following: Flowable | None = None  # set when the story is complete (build)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        at_top = frame is None or getattr(frame, "_atTop", False)
        fits = at_top or self._fits(available_width, available_height)
        self.height = 0 if fits else available_height + 1
        size: tuple[float, float] = super().wrap(available_width, available_height)
        return size

    def _fits(self, width: float, height: float) -> bool:
        h = self.heading
        rest = height - h.getSpaceBefore() - h.wrap(width, height)[1] - h.getSpaceAfter()
        if rest < 0:
            return False
        nxt = self.following
        if nxt is None or nxt.wrap(width, rest)[1] <= rest:
            return True
        return bool(nxt.split(width, rest))  # [] when not even its first rows fit


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    alert: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle


def make_styles(size: float, lang: str = "zh") -> Styles:
    regular, bold = reportlab_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("cell", base, fontSize=size, leading=size * 1.3)
    return Styles(
        title=ParagraphStyle(
            "title", base, fontName=bold, fontSize=17, leading=24, alignment=TA_CENTER
        ),
        subtitle=ParagraphStyle(
            "subtitle", base, fontSize=10.5, alignment=TA_CENTER, textColor=GREY, spaceAfter=6
        ),
        heading=ParagraphStyle(
            "heading",
            base,
            fontName=bold,
            fontSize=12,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
        ),
        body=ParagraphStyle("body", base, firstLineIndent=0),
        note=ParagraphStyle("note", base, fontSize=8.5, leading=12, textColor=GREY),
        alert=ParagraphStyle("alert", base, fontName=bold, textColor=RED),
        cell=cell,
        cell_centre=ParagraphStyle("cell_centre", cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", cell, alignment=TA_RIGHT),
        # our own English headings wrap between words; Chinese (and data) anywhere
        head=ParagraphStyle(
            "head",
            cell,
            fontName=bold,
            alignment=TA_CENTER,
            wordWrap=None if lang == "en" else "CJK",
        ),
    )


@dataclass(frozen=True, slots=True)
class Col:
    """A table column: its header (which always wraps), width in cm, alignment, and whether its
    values wrap (text does; figures, dates and stages do not and are drawn faster)."""

    header: str
    width: float
    align: str = "LEFT"  # LEFT, CENTRE or RIGHT
    wrap: bool = False


class PdfDoc:
    def __init__(self, title: str, lang: str = "zh", wide: bool = False, size: float = 9):
        self.title = title
        self.lang = lang
        self.pagesize = landscape(A4) if wide else A4
        self.margin = 1.5 * cm if wide else 2 * cm
        self.width = self.pagesize[0] - 2 * self.margin
        self.size = size
        self.check = FontCheck()
        self.styles = make_styles(size, lang)
        self.fonts = reportlab_fonts()
        self.story: list[Flowable] = []
        self.cuts = 0  # texts cut to fit; build() adds a notice saying so

    # --- text --------------------------------------------------------------------------------

    def text(self, value: str, where: str) -> str:
        return self.check.text(value, where)

    def para(self, value: str, where: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of plain text (escaped, checked); line breaks are kept."""
        value = self.text(self._counted(value, shorten(value, MAX_PARA_CHARS)), where)
        style = style or self.styles.body
        markup = escape(value).replace("\n", "<br/>")
        if style.wordWrap == "CJK":
            return _Lined(markup, style, plain=value)
        return Paragraph(markup, style)

    def fit(self, value: str, width_cm: float, lines: int = MAX_CELL_LINES) -> str:
        """value as it fits a cell of width_cm in at most `lines` lines, else cut (counted)."""
        room = width_cm * cm - 6.5  # the cell's padding
        return self._counted(value, fit_lines(value, self.fonts[0], self.size, room, lines))

    def _counted(self, value: str, fitted: str) -> str:
        if fitted != value:
            self.cuts += 1
        return fitted

    def add(self, *items: Flowable) -> None:
        self.story.extend(items)

    def heading(self, value: str) -> None:
        """A section heading, never left alone at the foot of a page (see _HeadingGuard)."""
        heading = self.para(value, value, self.styles.heading)
        self.add(_HeadingGuard(heading), heading)

    def space(self, height_cm: float) -> None:
        self.add(Spacer(1, height_cm * cm))

    # --- tables ------------------------------------------------------------------------------

    def table(
        self,
        cols: Sequence[Col],
        rows: Sequence[Sequence[str]],
        *,
        total: bool = False,
        red: Sequence[tuple[int, int]] = (),
        long: bool = True,
        breakdown: int = 0,
    ) -> Table:
        """A gridded table whose header repeats on every page; the last row bold if total, or
        with `breakdown` rows after it (其中：…, the parts of the total), the row before them."""
        s = self.styles
        marked = set(red)
        data: list[list[Any]] = [[self._head(c.header, c.width) for c in cols]]
        for r, row in enumerate(rows):
            cells: list[Any] = []
            for i, (c, value) in enumerate(zip(cols, row, strict=True)):
                # figures, dates and stages (not wrapped) are short; anything can be too long
                value = self.fit(value, c.width) if c.wrap else shorten(value, HARD_LIMIT)
                if c.wrap and not self._fits(value, c.width):
                    style = {"CENTRE": s.cell_centre, "RIGHT": s.cell_right}.get(c.align, s.cell)
                    if (i, r) in marked:  # TEXTCOLOR does not reach into a Paragraph
                        style = ParagraphStyle(f"{style.name}_red", style, textColor=RED)
                    cells.append(self.para(value, c.header, style))
                else:
                    cells.append(self.text(value, c.header))
            data.append(cells)
        widths = [c.width * cm for c in cols]
        kind = LongTable if long else Table
        table = kind(data, colWidths=widths, repeatRows=1)
        regular, bold = self.fonts
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), regular, self.size),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("FONT", (0, 0), (-1, 0), bold, self.size),
            ("ALIGN", (0, 0), (-1, 0), "CENTRE"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for i, c in enumerate(cols):
            if c.align != "LEFT":
                commands.append(("ALIGN", (i, 1), (i, -1), c.align))
        if total and rows:
            at = -1 - breakdown
            commands += [
                ("FONT", (0, at), (-1, at), bold, self.size),
                ("BACKGROUND", (0, at), (-1, -1), TOTAL_FILL),
            ]
            if breakdown:  # indented by a character under the total they are part of
                commands.append(("LEFTPADDING", (0, at + 1), (0, -1), 3 + self.size))
        for col, at in red:
            commands.append(("TEXTCOLOR", (col, at + 1), (col, at + 1), RED))
        table.setStyle(TableStyle(commands))
        return table

    def _head(self, value: str, width_cm: float) -> str | Paragraph:
        """A header cell: plain when it fits; else wrapped, English between words only, in a
        smaller size when its longest word would not fit the column (never "Producin/g")."""
        if self._fits(value, width_cm, bold=True):
            return self.text(value, value)
        style = self.styles.head
        if self.lang == "en":
            room = width_cm * cm - 6.5
            widest = max(
                (stringWidth(w, self.fonts[1], style.fontSize) for w in value.split()), default=0
            )
            if widest > room:
                size = max(6.0, style.fontSize * room / widest)
                style = ParagraphStyle(f"head_{size:.2f}", style, fontSize=size, leading=size * 1.3)
        return self.para(value, value, style)

    def _fits(self, value: str, width_cm: float, bold: bool = False) -> bool:
        """Text whose lines fit the column goes in as a plain string: a Paragraph (needed to
        wrap) takes ten times longer to lay out, which 300 monthly reports feel."""
        font = self.fonts[1 if bold else 0]
        room = width_cm * cm - 6.5  # the cell's padding
        return all(stringWidth(line, font, self.size) <= room for line in value.split("\n"))

    def pairs(
        self, items: Sequence[tuple[str, str]], per_row: int, widths: Sequence[float]
    ) -> Table:
        """Label–value pairs laid out per_row to a line (the header blocks of a report)."""
        regular, bold = self.fonts
        data: list[list[Any]] = []
        for start in range(0, len(items), per_row):
            chunk = list(items[start : start + per_row])
            chunk += [("", "")] * (per_row - len(chunk))
            line: list[Any] = []
            for key, value in chunk:
                width = widths[len(line) + 1]
                value = self.fit(value, width)
                cell = self.text(value, key) if self._fits(value, width) else None
                line += [
                    self._head(key, widths[len(line)]) if key else "",
                    cell or self.para(value, key, self.styles.cell),
                ]
            data.append(line)
        table = Table(data, colWidths=[w * cm for w in widths])
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), regular, self.size),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for i in range(0, 2 * per_row, 2):
            commands += [
                ("BACKGROUND", (i, 0), (i, -1), HEADER_FILL),
                ("FONT", (i, 0), (i, -1), bold, self.size),
                ("ALIGN", (i, 0), (i, -1), "CENTRE"),
            ]
        table.setStyle(TableStyle(commands))
        return table

    def side_by_side(self, cells: Sequence[Flowable], widths: Sequence[float]) -> Table:
        """Flowables next to each other (a table beside its chart), without lines."""
        table = Table([list(cells)], colWidths=[w * cm for w in widths])
        table.setStyle(
            TableStyle(
                [
                    # a Table sets its font even on cells without text; name ours, or the
                    # PDF lists an unembedded Helvetica
                    ("FONT", (0, 0), (-1, -1), self.fonts[0], self.size),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTRE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    # --- figures -----------------------------------------------------------------------------

    def figure(self, fig: Figure, width_cm: float) -> Flowable:
        w, h = fig.get_size_inches()
        return _Picture(figure_image(fig), width_cm * cm, width_cm * cm * h / w)

    # --- the document ------------------------------------------------------------------------

    def _decorate(self, canvas: Canvas, page: int, pages: int) -> None:
        regular, _ = self.fonts
        canvas.saveState()
        canvas.setFont(regular, 9)
        canvas.setFillColor(GREY)
        footer = self.text(label("page", self.lang).format(page=page, pages=pages), "page")
        canvas.drawCentredString(self.pagesize[0] / 2, 1.0 * cm, footer)
        if page > 1:  # a running head, so a loose page still says what it belongs to
            top = self.pagesize[1] - 1.1 * cm
            head = fit_width(self.title, regular, 9, self.pagesize[0] - 2 * self.margin)
            canvas.drawString(self.margin, top, self.text(head, "title"))
            canvas.setStrokeColor(colors.HexColor("#999999"))
            canvas.setLineWidth(0.4)
            canvas.line(
                self.margin, top - 0.15 * cm, self.pagesize[0] - self.margin, top - 0.15 * cm
            )
        canvas.restoreState()

    def build(self, stream: IO[bytes], *, invariant: bool = False) -> list[FontWarning]:
        """Lay the story out onto stream; invariant: the same bytes for the same report (tests)."""
        doc = SimpleDocTemplate(
            stream,
            pagesize=self.pagesize,
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=1.8 * cm,
            title=self.title,
            author="OneThird",
            creator="OneThird 三分之一招商台账",
            invariant=1 if invariant else 0,
            initialFontName=self.fonts[0],  # else every page names an unembedded Helvetica
            initialFontSize=self.size,
        )
        story = list(self.story)
        for i, item in enumerate(story):
            if isinstance(item, _HeadingGuard):
                item.following = story[i + 2] if i + 2 < len(story) else None
        if self.cuts:
            notice = label("cut_notice", self.lang).format(n=self.cuts)
            story.append(self.para(notice, "cut_notice", self.styles.note))
        doc.build(story, canvasmaker=partial(_NumberedCanvas, decorate=self._decorate))
        return list(self.check.warnings)
