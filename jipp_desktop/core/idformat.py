"""Indonesian and English formatting for documents and the GUI (Qt-free).

Month and day names are hard-coded on purpose: the OS locale (Windows ``strftime``)
and CLDR versions disagree (``05 Februari`` vs ``5 Februari``, ``Agu`` vs ``Agt``),
while official documents need one fixed style: ``28 September 2022``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Prefixes dropped from a regency/city name in the place line of a signature block:
# documents write "Manggarai Barat, 28 September 2022", not "Kabupaten Manggarai Barat, …".
_PLACE_PREFIXES = ("kabupaten ", "kab. ", "kota ", "provinsi ")

_ONES = (
    "nol", "satu", "dua", "tiga", "empat", "lima",
    "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
)  # fmt: skip
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def _en(lang: str) -> bool:
    return lang == "en"


def month_name(month: int, lang: str = "id") -> str:
    """Full month name, 1 = January."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return (MONTHS_EN if _en(lang) else MONTHS_ID)[month - 1]


def day_name(day: dt.date, lang: str = "id") -> str:
    return (DAYS_EN if _en(lang) else DAYS_ID)[day.weekday()]


def as_date(value: dt.date | str | None) -> dt.date | None:
    """Accept a date, a datetime or an ISO string (``2022-09-28`` or a full timestamp)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def format_date(value: dt.date | str | None, lang: str = "id", with_day: bool = False) -> str:
    """``28 September 2022`` (id) or ``28 September 2022`` (en, same day-month-year order).

    Empty input gives an empty string so optional dates print as blanks.
    """
    day = as_date(value)
    if day is None:
        return ""
    text = f"{day.day} {month_name(day.month, lang)} {day.year}"
    if with_day:
        text = f"{day_name(day, lang)}, {text}"
    return text


def format_month(value: dt.date | str | None, lang: str = "id") -> str:
    """``September 2022``; also accepts ``YYYY-MM``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and len(value) == 7:
        value = value + "-01"
    day = as_date(value)
    assert day is not None
    return f"{month_name(day.month, lang)} {day.year}"


def format_period(start: dt.date | str | None, end: dt.date | str | None, lang: str = "id") -> str:
    """``27–28 September 2022``, ``30 September – 2 Oktober 2022`` or a single date."""
    first, last = as_date(start), as_date(end)
    if first is None:
        return format_date(last, lang)
    if last is None or last == first:
        return format_date(first, lang)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{format_date(last, lang)}"
    if first.year == last.year:
        return f"{first.day} {month_name(first.month, lang)} – {format_date(last, lang)}"
    return f"{format_date(first, lang)} – {format_date(last, lang)}"


def format_datetime(value: dt.datetime | str | None, lang: str = "id") -> str:
    """``28 September 2022 14.05`` (id uses a dot between hours and minutes)."""
    if value is None or value == "":
        return ""
    stamp = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    sep = ":" if _en(lang) else "."
    return f"{format_date(stamp.date(), lang)} {stamp.hour:02d}{sep}{stamp.minute:02d}"


def place_name(name: str) -> str:
    """Strip ``Kabupaten``/``Kota``/``Provinsi`` from a region name for a place line."""
    text = " ".join(name.split())
    lowered = text.lower()
    for prefix in _PLACE_PREFIXES:
        if lowered.startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def place_date_line(place: str, value: dt.date | str | None, lang: str = "id") -> str:
    """``Manggarai Barat, 28 September 2022`` as written above a signature."""
    where = place_name(place) if place else ""
    when = format_date(value, lang)
    if where and when:
        return f"{where}, {when}"
    return where or when


def format_nip(nip: str | None) -> str:
    """Group an 18-digit NIP as ``19860926 201505 1 001``; anything else is returned trimmed."""
    if not nip:
        return ""
    digits = "".join(nip.split())
    if len(digits) != 18 or not digits.isdigit():
        return nip.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_ONES[hundreds], "ratus"]
    if rest == 0:
        return words
    if rest < 12:
        words.append(_ONES[rest])
    elif rest < 20:
        words += [_ONES[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_ONES[tens], "puluh"]
        if ones:
            words.append(_ONES[ones])
    return words


def number_words(n: int) -> str:
    """Spell an integer in Indonesian: 2022 → ``dua ribu dua puluh dua``.

    Indonesian contracts "satu ratus"/"satu ribu" to ``seratus``/``seribu``; used for
    dates written out in a Berita Acara and for amounts in words (*terbilang*).
    """
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + number_words(-n)
    words: list[str] = []
    rest = n
    for scale, name in _SCALES:
        if rest >= scale:
            count, rest = divmod(rest, scale)
            words += [number_words(count), name]
    if rest >= 1000:
        thousands, rest = divmod(rest, 1000)
        words += ["seribu"] if thousands == 1 else [*_below_thousand(thousands), "ribu"]
    words += _below_thousand(rest)
    return " ".join(words)


def date_words(value: dt.date | str, lang: str = "id") -> str:
    """``Rabu tanggal dua puluh delapan bulan September tahun dua ribu dua puluh dua``."""
    day = as_date(value)
    assert day is not None
    if _en(lang):
        return format_date(day, lang, with_day=True)
    return (
        f"{day_name(day)} tanggal {number_words(day.day)} bulan {month_name(day.month)} "
        f"tahun {number_words(day.year)}"
    )


def format_number(value: int | float | Decimal, decimals: int = 0, lang: str = "id") -> str:
    """``1.250.000`` (id) or ``1,250,000`` (en), rounded half up."""
    quant = Decimal(1).scaleb(-decimals)
    amount = Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)
    text = f"{amount:,.{decimals}f}"
    if _en(lang):
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_rupiah(value: int | float | Decimal, decimals: int = 2, lang: str = "id") -> str:
    """``Rp1.250.000,00``: no space after ``Rp``, thousands ``.`` and decimals ``,``."""
    text = format_number(abs(Decimal(str(value))), decimals, lang)
    sign = "-" if Decimal(str(value)) < 0 else ""
    return f"{sign}Rp{text}"


def rupiah_words(value: int) -> str:
    """``satu juta dua ratus lima puluh ribu rupiah`` (terbilang)."""
    return f"{number_words(value)} rupiah"


def format_percent(value: float, decimals: int = 0, lang: str = "id") -> str:
    """``42,5%`` (id) or ``42.5%`` (en)."""
    return f"{format_number(value, decimals, lang)}%"
