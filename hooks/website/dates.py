"""Dates as the site shows them and as machines read them; the one date formatter of the site.

The group is in Chongqing: every date on the site is a day in China Standard Time (UTC+8, Beijing time), for people
and for machines. A date alone is 00:00 Beijing time on that day; a date with a time and no offset is that time in
Beijing. China has kept UTC+8 all year since 1991, so a fixed offset is exact and needs no time-zone database (which
Windows lacks).

Sources sometimes date an event by month or by semester only; a `Precision` says how much of a date is known, so
that no invented day is shown.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from typing import Literal, get_args

CHINA_TIME = timezone(timedelta(hours=8), "CST")
BEIJING_TIME_LABEL = "北京时间"

Precision = Literal["day", "month", "semester", "year"]
PRECISIONS: tuple[str, ...] = get_args(Precision)
# A semester named without its month starts in February (spring) or September (autumn).
SEMESTER_START = {"spring-semester": 2, "autumn-semester": 9}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def in_beijing(value: date) -> datetime:
    """The moment a date stands for, in Beijing time: a date is 00:00 that day, a time without an offset is Beijing
    time, a time with an offset is that moment."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), CHINA_TIME)
    if value.tzinfo is None:
        return value.replace(tzinfo=CHINA_TIME)
    return value.astimezone(CHINA_TIME)


def date_label(value: date, precision: Precision, lang: str) -> str:
    """How a reader sees a date: 2023 年 5 月 17 日 / 17 May 2023, 2023 年 1 月 / January 2023,
    2022 年秋季学期 / Autumn semester 2022, 2021 年 / 2021."""
    if isinstance(value, datetime):
        value = in_beijing(value).date()
    autumn = value.month >= 8
    if lang == "zh":
        if precision == "day":
            return f"{value.year} 年 {value.month} 月 {value.day} 日"
        if precision == "month":
            return f"{value.year} 年 {value.month} 月"
        if precision == "semester":
            return f"{value.year} 年{'秋季' if autumn else '春季'}学期"
        return f"{value.year} 年"
    if precision == "day":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    if precision == "month":
        return f"{MONTHS_EN[value.month - 1]} {value.year}"
    if precision == "semester":
        return f"{'Autumn' if autumn else 'Spring'} semester {value.year}"
    return str(value.year)


def html_date(value: date, precision: Precision) -> str:
    """A valid HTML date string (the `datetime` of <time>) at the given precision: 2023-05-17, 2023-01, 2022."""
    if isinstance(value, datetime):
        value = in_beijing(value).date()
    if precision == "day":
        return f"{value:%Y-%m-%d}"
    if precision == "month":
        return f"{value:%Y-%m}"
    return f"{value:%Y}"


def iso_datetime(value: date) -> str:
    """ISO 8601 with the Beijing offset, for JSON-LD, Open Graph and the sitemap: 2023-05-17T00:00:00+08:00."""
    return in_beijing(value).isoformat(timespec="seconds")


def rfc822(value: date) -> str:
    """An RSS date: Wed, 17 May 2023 00:00:00 +0800."""
    return format_datetime(in_beijing(value))


def beijing_minute(value: datetime) -> str:
    """A moment as writers read it: 2026-12-01 09:30 北京时间."""
    return f"{in_beijing(value):%Y-%m-%d %H:%M} {BEIJING_TIME_LABEL}"


def partial_date(text: str, period: str | None = None) -> tuple[date, Precision]:
    """A date as the data files write it ('2021', '2021-02', '2022-01-19', or a year with a semester) and how much of
    it is known."""
    parts = [int(part) for part in text.split("-")]
    if period is not None:
        return date(parts[0], parts[1] if len(parts) > 1 else SEMESTER_START[period], 1), "semester"
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2]), "day"
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), "month"
    return date(parts[0], 1, 1), "year"
