"""Tally sheets (CSV or .xlsx) read into distribution entries; knows files, not the ledger.

The layout is strict on purpose: a column this app does not know (say "Name") refuses the whole
file, so nothing identifying can be imported by accident and nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from models.common.dates import parse_date_text
from models.common.errors import ValidationError
from models.common.limits import check_text, printable
from models.common.wording import noun
from models.common.xlsx_safe import write_text_cell
from models.distributions.rows import DistributionEntry, TallyProblem

MAX_FILE_BYTES = 10_000_000
MAX_UNCOMPRESSED_BYTES = 50_000_000  # zip-bomb guard, checked before openpyxl opens the file
MAX_ZIP_ENTRIES = 500
MAX_ROWS = 10_000  # rows holding anything; blank rows are skipped and not counted
EXTRA_CELLS = "_extra_cells"  # key of the count of filled cells right of the header


class TallyImportRefused(ValidationError):
    """A tally sheet with at least one bad row: nothing was imported; `problems` says where."""

    def __init__(self, problems: list[TallyProblem]) -> None:
        self.problems = problems
        lines = "; ".join(f"line {p.line}: {p.reason}" for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(
            f"Nothing was imported: {len(problems)} {noun(len(problems), 'row')} to correct — "
            f"{lines}{more}"
        )


@dataclass(frozen=True)
class TallyColumn:
    key: str
    title: str  # the header written in the template
    required: bool
    accepts: str  # what the column may hold, shown on screen and in README
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[TallyColumn, ...] = (
    TallyColumn("date", "Date", True, "2026-01-14 or 1/14/2026; not in the future"),
    TallyColumn(
        "time_band", "Time of day", False, "Night, Morning, Afternoon, Evening or blank", ("time",)
    ),
    TallyColumn("kits", "Kits", True, "whole number, 1 or more", ("number of kits",)),
    TallyColumn(
        "location",
        "From",
        True,
        "vehicle or location name as in Settings → Locations (or its full path)",
        ("vehicle", "location", "vehicle or location"),
    ),
    TallyColumn("zip", "ZIP", True, "5-digit ZIP code of the encounter", ("zip code",)),
    TallyColumn("setting", "Setting", True, "a setting from Settings → Distributions"),
    TallyColumn(
        "relationship",
        "Relationship",
        True,
        "a recipient relationship from Settings → Distributions",
        ("recipient", "recipient relationship"),
    ),
    TallyColumn(
        "naloxone_administered",
        "Naloxone administered",
        False,
        "yes/no (blank = no): the responder gave naloxone at that encounter",
        ("administered",),
    ),
    TallyColumn(
        "services_offered",
        "Service info offered",
        False,
        "yes/no (blank = no)",
        ("services offered", "service information offered", "info offered"),
    ),
    TallyColumn(
        "comment", "Comment", False, "program note; no names, phones, addresses", ("comments",)
    ),
    TallyColumn(
        "kit", "Kit", False, "kit product name; blank = the standard kit", ("kit product",)
    ),
)
EXAMPLE = ("2026-01-14", "Evening", "2", "Patrol 12", "12866", "Overdose scene", "Family member",
           "yes", "yes", "")  # fmt: skip

_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}

Progress = Callable[[int, int], None]
RawRow = tuple[int, dict[str, object]]


def _norm(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


_HEADERS = {_norm(name): c.key for c in COLUMNS for name in (c.key, c.title, *c.aliases)}


def read_rows(path: Path) -> list[RawRow]:
    """(line number, {column key: value}) for every non-blank row; file-level refusals raise."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"{path.name} does not exist.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(f"{path.name} is larger than {MAX_FILE_BYTES // 1_000_000} MB.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _csv_table(path)
    elif suffix == ".xlsx":
        table = _xlsx_table(path)
    else:
        raise ValidationError("Choose a .csv or .xlsx tally sheet.")
    return _keyed(table, path.name)


def _csv_table(path: Path) -> list[list[object]]:
    text = _decode(path.read_bytes(), path.name)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise ValidationError(f"{path.name} is not a readable CSV file ({error}).") from None


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; never a garbled header."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif raw.count(b"\x00") * 4 < len(raw):  # a stray NUL is a bad cell, not an encoding
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    raise ValidationError(
        f"{name} is not plain text this app can read (it looks like UTF-16 without a marker). "
        "Open it in Excel and save it as 'CSV UTF-8'."
    )


def _xlsx_table(path: Path) -> list[list[object]]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise ValidationError(f"{path.name} is not a readable .xlsx workbook.") from None
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(f"{path.name} unpacks to more than a tally sheet can hold; refused.")
    import openpyxl  # after the size check; defusedxml is installed, so XML attacks are refused

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise ValidationError(f"{path.name} could not be read as a workbook ({error}).") from None
    try:
        sheet = workbook.worksheets[0]
        table: list[list[object]] = []
        filled = 0
        for values in sheet.iter_rows(values_only=True):
            table.append(list(values))
            filled += not _blank(values)
            if filled > MAX_ROWS + 1:  # the header and one row too many: enough to refuse
                break
        return table
    finally:
        workbook.close()


def _keyed(table: list[list[object]], name: str) -> list[RawRow]:
    if not table:
        raise ValidationError(f"{name} is empty.")
    header = [_norm(h) for h in table[0]]
    unknown = [str(table[0][i]) for i, h in enumerate(header) if h and h not in _HEADERS]
    if unknown:
        raise ValidationError(
            f"{name} has column(s) this app does not import: {', '.join(unknown)}. "
            "Use the documented layout (tally sheets hold no personal data)."
        )
    keys = [_HEADERS.get(h) for h in header]
    missing = [c.title for c in COLUMNS if c.required and c.key not in keys]
    if missing:
        raise ValidationError(f"{name} lacks the column(s): {', '.join(missing)}.")
    rows: list[RawRow] = []
    for line, values in enumerate(table[1:], start=2):
        if _blank(values):
            continue
        cells = {k: v for k, v in zip(keys, values, strict=False) if k is not None}
        extra = values[len(keys) :]
        if not _blank(extra):  # an unquoted comma in a comment, most often
            cells[EXTRA_CELLS] = sum(not _blank([v]) for v in extra)
        rows.append((line, cells))
    if len(rows) > MAX_ROWS:
        raise ValidationError(f"{name} holds more than {MAX_ROWS} rows; split it.")
    if not rows:
        raise ValidationError(f"{name} has a header but no rows.")
    return rows


def _blank(values: Sequence[object]) -> bool:
    return all(v is None or str(v).strip() == "" for v in values)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = "" if value is None else str(value).strip()
    return check_text(text, f"The cell '{printable(text)}'") or ""


def parse_date(value: object) -> date:
    """A date cell: an Excel date, or text as `parse_date_text` reads it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date_text(_text(value))


def parse_count(value: object) -> int:
    text = _text(value)
    if not re.fullmatch(r"[0-9]{1,9}", text) or int(text) <= 0:
        raise ValidationError(f"Kits must be a whole number of 1 or more (got '{text}').")
    return int(text)


def parse_yes_no(value: object, title: str) -> bool:
    text = _text(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(f"{title} must be yes or no (got '{_text(value)}').")


def parse_zip(value: object) -> str:
    text = _text(value)
    if isinstance(value, int | float) and re.fullmatch(r"[0-9]{3,4}", text):
        return text.zfill(5)  # a number cell cannot keep the leading zero of 02134
    if re.fullmatch(r"[0-9]{4}", text):
        raise ValidationError(
            f"ZIP '{text}' has 4 digits; if it starts with 0, write the 0 (spreadsheets drop it)."
        )
    return text


def to_entry(
    cells: dict[str, object],
    find_location: Callable[[str], int],
    find_kit: Callable[[str], int | None],
) -> DistributionEntry:
    """One row as an entry; category names are resolved later, with the stock check."""
    if extra := cells.get(EXTRA_CELLS):
        raise ValidationError(
            f"the row has {extra} more {noun(int(str(extra)), 'cell')} than the header; "
            "put a comment holding a comma in quotes."
        )
    return DistributionEntry(
        occurred_on=parse_date(cells.get("date")),
        kits=parse_count(cells.get("kits")),
        location_id=find_location(_text(cells.get("location"))),
        zip_code=parse_zip(cells.get("zip")),
        setting=_text(cells.get("setting")),
        relationship=_text(cells.get("relationship")),
        naloxone_administered=parse_yes_no(
            cells.get("naloxone_administered"), "Naloxone administered"
        ),
        services_offered=parse_yes_no(cells.get("services_offered"), "Service info offered"),
        time_band=_text(cells.get("time_band")) or None,
        comment=_text(cells.get("comment")) or None,
        kit_product_id=find_kit(_text(cells.get("kit"))),
    )


def write_template(path: Path) -> Path:
    """A blank tally sheet (.csv or .xlsx): the header row only, ready to fill in.

    The example line never sits on the sheet that is imported (it would be imported as a real
    leave-behind): an .xlsx shows it on a second sheet, "Example", with what each column holds.
    """
    path = Path(path)
    header = [c.title for c in COLUMNS]
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        from models.common.xlsx_print import set_up_printing

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Tally"
        for column, value in enumerate(header, start=1):
            write_text_cell(sheet.cell(row=1, column=column), value)
        example = workbook.create_sheet("Example")
        rows = (header, [*EXAMPLE, ""], ["required" if c.required else "optional" for c in COLUMNS],
                [c.accepts for c in COLUMNS])  # fmt: skip
        for row_number, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                write_text_cell(example.cell(row=row_number, column=column), value)
        set_up_printing(sheet, "Tally sheet", header_row=1)
        set_up_printing(example, "Tally sheet example", header_row=1)
        workbook.active = 0
        workbook.save(path)
    else:
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerow(header)
    return path
