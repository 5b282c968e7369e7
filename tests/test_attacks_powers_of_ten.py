"""Pull-request attacks on a power of ten read without the mantissa it multiplies.

A number is read as its source writes it (reading/lexicon/quantities.py): "1×10^6" is a million, "2.5 x 10^8"
250 million. A mantissa the pattern did not read left its power of ten to be read alone: "1,5×10^2"
(a decimal comma, 150) read as 10^2, "2·10^2" (a middle dot for the multiplication) as 10^2 (and 2),
"1×10E2" as 10E2, a thousand: each bound an enrollment (or a dose) the source does not state. A
power of ten after a multiplication sign is now read with its mantissa or not at all, and a middle
dot or a dot operator multiplies as "×" does.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import quantities

HEAD = IM19_TEXT_HEAD
UNREAD = {
    "decimal comma": ("1,5\u00d710^2", 100),
    "middle dot": ("2\u00b710^2", 100),
    "dot operator": ("2\u22c510^2", 100),
    "exponent letter": ("1\u00d710E2", 1000),
    "exponent letter, its mantissa": ("1\u00d710E2", 1),
}


@pytest.mark.parametrize("how", UNREAD)
def test_a_power_of_ten_binds_nothing_without_its_mantissa(trials: Trials, how: str) -> None:
    written, count = UNREAD[how]
    line = f"Enrollment: {written} participants"
    result = trials.enrollment("seeds/950_powers.txt", f"{HEAD}{line}\n", count, line)
    assert result.status == 1, result.out


def test_a_power_of_ten_is_read_with_its_mantissa() -> None:
    def read(text: str) -> list[float]:
        return [n.value for n in quantities.numbers(text)]

    assert read("2\u00b710^6 and 2 \u22c5 10^6 and 1.5 x 10^6 and 10^6") == [2e6, 2e6, 1.5e6, 1e6]
    assert read("1,5\u00d710^6 and 1\u00d710E6 and 1 x 10e6") == []
