"""How this tool writes a number: in plain positional digits, as every YAML and CSV reader reads it.

An exponent (1e6) is a number to a YAML 1.2 reader and text to a YAML 1.1 one (PyYAML), and a
spreadsheet reads 1.5E6 as a number but shows it as the locale pleases; rounding (0.125 to 0.12)
writes another value than the record's. So a number is written whole when it is whole, else with
exactly the digits of Python's shortest representation (repr), never with an exponent.
"""

from __future__ import annotations

from decimal import Decimal

from sle_trials.patterns import lazy

# A number as plain() writes it (and nothing else): what a spreadsheet reads as that number, never a formula.
PLAIN = lazy(r"-?[0-9]+(?:\.[0-9]+)?")


def plain(value: float) -> str:
    """6 for 6 and 6.0, 0.00001 for 1e-05, 100000000 for 1e8, 0.125 for 0.125: no exponent, no rounding."""
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


def plain_float(value: float) -> str:
    """plain(), with a point kept in a whole number (6.0): a float written so stays a float in YAML."""
    text = plain(value)
    return text if "." in text else text + ".0"
