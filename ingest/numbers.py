"""Numbers as Chinese plans write them: Arabic and Chinese numerals.

Plans write counted quantities in Arabic numerals (GB/T 15835-2011 asks for
them wherever a number is counted or measured); small Chinese numerals mostly
count items of the text (``五个方面``, ``三个品牌``) or form names (``十大``,
``百家企业`` as a figure of speech).  :func:`is_quantity_numeral` encodes that
distinction for the extractors.
"""

from __future__ import annotations

_DIGITS = {"零": 0, "\u3007": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}


def parse_cn_numeral(numeral: str) -> int | None:
    """Value of a Chinese numeral, or None if it is not one.

    ``十二`` → 12, ``三百`` → 300, ``两千五百`` → 2500, ``一万二千`` → 12000,
    ``二零二五`` → 2025 (digit by digit).
    """
    if not numeral or any(ch not in _DIGITS and ch not in _SMALL_UNITS
                          and ch not in _LARGE_UNITS for ch in numeral):
        return None
    if len(numeral) > 1 and all(ch in _DIGITS for ch in numeral):
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total, section, digit = 0, 0, 0
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[ch]
            digit = 0
        else:
            section += digit
            total = (total + (section or 1)) * _LARGE_UNITS[ch]
            section, digit = 0, 0
    return total + section + digit


def parse_number(token: str) -> int | float | None:
    """Value of an Arabic (``4,400``, ``2.43``) or Chinese (``三百``) number.

    Integers stay ``int``; a decimal point makes a ``float``.
    """
    if token and token[0].isdigit():
        plain = token.replace(",", "")
        try:
            return float(plain) if "." in plain else int(plain)
        except ValueError:
            return None
    return parse_cn_numeral(token)


def is_quantity_numeral(token: str) -> bool:
    """Whether a number token can be a counted quantity of a target.

    Arabic numbers can.  A Chinese numeral can only when it is written as a
    composite amount (``五十``, ``三百``, ``两千``): a single digit (``三个品牌``)
    counts items of the text, and a bare ``十``/``百``/``千``/``万`` is a figure of
    speech (``十大产业``, ``百家企业``).
    """
    if token[0].isdigit():
        return True
    has_digit = any(ch in _DIGITS for ch in token)
    has_unit = any(ch in _SMALL_UNITS or ch in _LARGE_UNITS for ch in token)
    return has_digit and has_unit and parse_cn_numeral(token) is not None


def five_year_plan_end(ordinal: int) -> int:
    """Last year of the n-th five-year plan: 13 (十三五) → 2020, 14 (十四五) → 2025."""
    return 1955 + 5 * ordinal


def split_magnitude(token: str, unit: str) -> tuple[str, str]:
    """Move a trailing 万/亿 of a Chinese numeral into the unit.

    ``("五十万", "元")`` → ``("五十", "万元")``, so Chinese and Arabic amounts
    (``50万元``) get the same value and unit.
    """
    if len(token) > 1 and not token[0].isdigit() and token[-1] in _LARGE_UNITS:
        return token[:-1], token[-1] + unit
    return token, unit
