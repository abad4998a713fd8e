"""Building an org from an Excel workbook (.xlsx, .xlsm), read with openpyxl.

HR systems export Excel as often as CSV. A sheet is read like a CSV file: its first non-empty
row is the header, each later row a person, and each row's number is the line in messages.
Cells come in as the text people see in Excel: an employee number stored as the number 1001
is "1001" (not "1001.0"), one formatted `00000` is "01001", a date formatted `dd/mm/yyyy` is
"31/01/2024". Number formats other than these common ones show the number as Excel's General
format would.

A workbook is a zip archive, so before openpyxl opens it the archive's table of contents is
checked: a workbook that unpacks to more than `UNPACKED_LIMIT` bytes (a zip bomb) is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from orgdesign.importing.csv_import import ERROR, ColumnOptions, ImportFailed, ImportResult, Problem, import_table
from orgdesign.importing.titles import TitleMap

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
UNPACKED_LIMIT = 1024 * 1024 * 1024

_DATE_TOKENS = re.compile(
    r'"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|.', re.IGNORECASE
)
_ZERO_PADDED = re.compile(r"0+")
_FIXED_DECIMALS = re.compile(r"(#,##)?0(\.(0+))?")


def import_excel(
    data: bytes,
    options: ColumnOptions | None = None,
    *,
    sheet: str | None = None,
    layout_name: str | None = None,
    profile: str | None = None,
    default_name: str = "Imported organisation",
    titles: TitleMap | None = None,
) -> ImportResult:
    """Read an org from the bytes of a workbook: `sheet`, or the first one; `ImportFailed` when unusable."""
    rows = _sheet_rows(data, sheet)
    header = next((cells for _, cells in rows if any(cells)), [])
    if not header:
        raise ImportFailed([Problem(1, 1, ERROR, "the sheet is empty: no header row")])
    return import_table(
        header,
        ((line, cells) for line, cells in rows if any(cells)),
        options or ColumnOptions(),
        layout_name=layout_name,
        profile=profile,
        default_name=default_name,
        titles=titles,
    )


def _sheet_rows(data: bytes, sheet: str | None) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    _refuse_zip_bombs(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key, value errors) for a broken file
        raise ImportFailed([Problem(1, 1, ERROR, f"not a readable Excel workbook ({type(error).__name__})")]) from None
    names = workbook.sheetnames
    if sheet is not None and sheet not in names:
        raise ImportFailed([Problem(1, 1, ERROR, f"no sheet named {sheet!r} (the sheets are: {', '.join(names)})")])
    if not names:
        raise ImportFailed([Problem(1, 1, ERROR, "the workbook has no sheets")])
    worksheet = workbook[sheet if sheet is not None else names[0]]
    return _rows(worksheet)


def _rows(worksheet: Any) -> Iterator[tuple[int, list[str]]]:
    try:
        for line, row in enumerate(worksheet.iter_rows(), start=1):
            yield (
                line,
                [shown_cell(getattr(cell, "value", None), getattr(cell, "number_format", "General")) for cell in row],
            )
    except Exception as error:  # a sheet that breaks while streaming: what was read stands
        raise ImportFailed([Problem(1, 1, ERROR, f"the sheet cannot be read ({type(error).__name__})")]) from None


def _refuse_zip_bombs(data: bytes) -> None:
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError):
        raise ImportFailed(
            [Problem(1, 1, ERROR, "not an Excel workbook (.xlsx is a zip archive; this is not one)")]
        ) from None
    if sum(entry.file_size for entry in entries) > UNPACKED_LIMIT:
        raise ImportFailed([Problem(1, 1, ERROR, "the workbook unpacks to more than 1 GB: refused")])


def shown_cell(value: object, number_format: str) -> str:
    """The text Excel shows for a cell's value under its number format (the common formats)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return shown_date(value, number_format)
    if isinstance(value, (int, float)):
        return shown_number(value, number_format)
    return str(value)


def shown_number(value: float, number_format: str) -> str:
    written = number_format.split(";")[0]
    if _ZERO_PADDED.fullmatch(written) and float(value).is_integer():
        return str(int(value)).zfill(len(written)) if value >= 0 else str(int(value))
    fixed = _FIXED_DECIMALS.fullmatch(written)
    if fixed is not None:
        decimals = len(fixed.group(3) or "")
        return f"{value:,.{decimals}f}" if fixed.group(1) else f"{value:.{decimals}f}"
    return _general(value)


def _general(value: float) -> str:
    """Excel's General format: whole numbers without a decimal point, others with up to 10 significant digits."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def shown_date(value: dt.date | dt.time, number_format: str) -> str:
    """A date or time under an Excel date format ("dd/mm/yyyy", "m/d/yy h:mm", ...); ISO when it has none."""
    tokens = _DATE_TOKENS.findall(number_format.split(";")[0])
    if not any(token.lower()[0] in "ymdhs" and len(token) <= 5 and token.isalpha() for token in tokens):
        midnight = isinstance(value, dt.datetime) and value.time() == dt.time()
        return value.date().isoformat() if isinstance(value, dt.datetime) and midnight else value.isoformat()
    twelve_hour = any(token.lower() in ("am/pm", "a/p") for token in tokens)
    hour_before = False
    parts = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        minute = lower in ("m", "mm") and (hour_before or _seconds_follow(tokens, index))
        parts.append(_date_part(value, lower, token, minute, twelve_hour))
        if lower[0] in "h":
            hour_before = True
        elif lower[0] in "yd" or (lower[0] == "m" and not minute):
            hour_before = False
    return "".join(parts)


def _seconds_follow(tokens: list[str], index: int) -> bool:
    following = [token.lower() for token in tokens[index + 1 :] if token.isalpha()]
    return bool(following) and following[0] in ("s", "ss")


def _date_part(value: dt.date | dt.time, lower: str, token: str, minute: bool, twelve_hour: bool) -> str:
    day = value if isinstance(value, dt.date) else None
    clock = value if isinstance(value, (dt.datetime, dt.time)) else None
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("["):
        return ""
    if clock is not None and (minute or lower[0] in "hs" or lower in ("am/pm", "a/p")):
        return _clock_part(clock, lower, minute, twelve_hour)
    if day is not None and lower[0] in "ymd" and lower.isalpha():
        return _day_part(day, lower)
    return token


def _clock_part(clock: dt.datetime | dt.time, lower: str, minute: bool, twelve_hour: bool) -> str:
    if minute:
        return f"{clock.minute:0{len(lower)}d}"
    if lower[0] == "h":
        hour = (clock.hour % 12 or 12) if twelve_hour else clock.hour
        return f"{hour:0{len(lower)}d}"
    if lower[0] == "s":
        return f"{clock.second:0{len(lower)}d}"
    return "AM" if clock.hour < 12 else "PM"


def _day_part(day: dt.date, lower: str) -> str:
    if lower == "yyyy":
        return f"{day.year:04d}"
    if lower == "yy":
        return f"{day.year % 100:02d}"
    if lower[0] == "m":
        return {1: str(day.month), 2: f"{day.month:02d}", 3: day.strftime("%b"), 4: day.strftime("%B")}.get(
            len(lower), day.strftime("%B")[0]
        )
    return {1: str(day.day), 2: f"{day.day:02d}", 3: day.strftime("%a")}.get(len(lower), day.strftime("%A"))
