"""The report's checks of the paper's arithmetic: each figure the paper derives, recomputed.

Every check keeps the paper's vagueness (see :mod:`mtcreport.arith`): a "close to" figure is an
interval whose width is the report's reading of the phrase (the ``assumptions`` table), so each
result is a range, and a verdict says whether the paper's own figure fits inside it.

These functions are the one home of the arithmetic: the chapter "Checking the paper's
arithmetic" explains them and the front page quotes their results.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from mtcreport import arith, data


def _indicators() -> pd.DataFrame:
    return data.indicators().set_index("id")


@dataclass(frozen=True)
class Deliveries:
    """Deliveries to China in 2011: China's share times Russia's exports (USD bn a year)."""

    exports: arith.Interval  # Russia's arms exports, USD bn
    share: arith.Interval  # China's share, as a fraction
    volume: arith.Interval  # their product, USD bn a year
    point: float  # both inputs taken at their stated values
    paper: float  # the paper's own figure ("could have approached")

    @property
    def holds(self) -> bool:
        return self.volume.contains(self.paper)


def deliveries_2011() -> Deliveries:
    ind = _indicators()
    exports, share = ind.loc["ru_exports_2011"], ind.loc["china_share_2011"]
    return Deliveries(
        exports=arith.interval(exports),
        share=arith.interval(share).scale(1 / 100),
        volume=arith.share_of(exports, share),
        point=float(exports["value_low"]) * float(share["value_low"]) / 100,
        paper=float(ind.at["china_deliveries_implied", "value_low"]),
    )


@dataclass(frozen=True)
class Income:
    """What the export share of the industry's income implies, against the procurement budget."""

    shares: dict[str, float]  # fractions of income: exports, domestic, civil
    total: arith.Interval  # total income implied, USD bn
    domestic: arith.Interval  # of which arms sold at home, USD bn
    budget: float  # the procurement budget, USD bn

    @property
    def gap(self) -> arith.Interval:
        """How far the implied domestic arms sales exceed the budget (negative: they fit)."""
        return arith.Interval(self.domestic.low - self.budget, self.domestic.high - self.budget)

    @property
    def holds(self) -> bool:
        return self.domestic.high <= self.budget


def industry_income() -> Income:
    ind = _indicators()
    shares = {
        key: float(ind.at[f"income_share_{key}", "value_low"]) / 100
        for key in ("exports", "domestic", "civil")
    }
    exports = arith.interval(ind.loc["ru_exports_2011"])
    total = arith.Interval(exports.low / shares["exports"], exports.high / shares["exports"])
    return Income(
        shares=shares,
        total=total,
        domestic=total.scale(shares["domestic"]),
        budget=float(ind.at["ru_procurement_2011", "value_low"]),
    )


def licence_unit_price() -> arith.Interval:
    """The 1996 Su-27SK licence spread evenly over its aircraft, in USD million each."""
    licence = data.transfers().set_index("id").loc["su27sk_licence_1996"]
    value = arith.Interval(float(licence["value_low_usd_bn"]), float(licence["value_high_usd_bn"]))
    return value.scale(1000 / float(licence["quantity"]))


def contracts_against_deliveries() -> float:
    """The 2012 contracts' combined value as a share of the most the 2011 deliveries can be (per cent).

    A lower bound: the combined value is "exceeding" its figure, and the deliveries are at most
    the top of their range.
    """
    combined = float(_indicators().at["contracts_2012_combined", "value_low"])
    return 100 * combined / deliveries_2011().volume.high


def summary_table() -> pd.DataFrame:
    """The four checks side by side: the paper's figure, the recomputed one, and the verdict."""
    from mtcreport import fmt

    indicators = _indicators()
    licence = data.transfers().set_index("id").loc["su27sk_licence_1996"]
    deliveries, income, unit = deliveries_2011(), industry_income(), licence_unit_price()
    return pd.DataFrame(
        {
            "Check": [
                "Deliveries to China, 2011",
                "Arms sold at home, implied by the export share",
                "Average price per licensed Su-27SK",
                "Two largest contracts of 2012",
            ],
            "Paper's figure": [
                fmt.indicator_text(indicators.loc["china_deliveries_implied"]),
                f"exports {fmt.indicator_text(indicators.loc['income_share_exports'])} of income",
                fmt.qualified(licence["value_low_usd_bn"], licence["value_high_usd_bn"], "range", "USD bn"),
                fmt.indicator_text(indicators.loc["contracts_2012_combined"]),
            ],
            "Recomputed": [
                fmt.usd_bn_range(deliveries.volume.low, deliveries.volume.high),
                f"{fmt.usd_bn_range(income.domestic.low, income.domestic.high, 0)} against a budget of "
                f"{fmt.indicator_text(indicators.loc['ru_procurement_2011'])}",
                f"${fmt.rounded(unit.low, 1)}–{fmt.rounded(unit.high, 1)} m each",
                "no split given",
            ],
            "Verdict": [
                "consistent" if deliveries.holds else "not consistent",
                "fits" if income.holds else "strains",
                "derived; nothing in the paper to check it against",
                "cannot be checked",
            ],
        }
    )
