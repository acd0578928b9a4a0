"""Interval arithmetic keeps the paper's vagueness instead of rounding it away."""

import math

import pandas as pd
import pytest

from mtcreport import arith, data


def row(low, high, qualifier):
    return pd.Series({"value_low": low, "value_high": high, "qualifier": qualifier}, name="test")


def test_qualifiers_become_intervals():
    assert arith.interval(row(18.2, 18.2, "exact"), band=0.1) == arith.Interval(18.2, 18.2)
    assert arith.interval(row(2.2, 2.5, "range"), band=0.1) == arith.Interval(2.2, 2.5)
    close = arith.interval(row(13, 13, "close to"), band=0.1)
    assert close.low == pytest.approx(11.7) and close.high == 13
    assert arith.interval(row(1.3, pd.NA, "exceeding"), band=0.1).open
    with pytest.raises(ValueError, match="no interval rule for qualifier 'range-ish'"):
        arith.interval(row(1, 1, "range-ish"), band=0.1)


def test_products_and_quotients_take_the_extremes():
    product = arith.Interval(11.7, 13) * arith.Interval(0.135, 0.15)
    assert product.low == pytest.approx(1.5795) and product.high == pytest.approx(1.95)
    quotient = arith.Interval(11.7, 13) / arith.Interval(0.22, 0.22)
    assert quotient.low == pytest.approx(53.18, abs=0.01) and quotient.high == pytest.approx(59.09, abs=0.01)
    assert arith.Interval(1, 2).contains(1.9) and not arith.Interval(1, 2).contains(2.1)
    assert math.isinf(arith.Interval(1, math.inf).scale(2).high)


def test_band_comes_from_the_assumptions_table(data_copy):
    assert arith.close_to_band() == pytest.approx(0.10)
    path = data_copy / "assumptions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",10,percent,", ",5,percent,"), encoding="utf-8")
    assert arith.close_to_band() == pytest.approx(0.05)
    assert arith.interval(data.indicator("ru_exports_2011")).low == pytest.approx(12.35)


def test_share_of_is_total_times_share():
    total = row(13, 13, "close to")
    share = row(15, 15, "close to")
    volume = arith.share_of(total, share, band=0.1)
    assert volume.low == pytest.approx(11.7 * 0.135) and volume.high == pytest.approx(1.95)
