"""What Russia delivered to China, by kind: the test of the paper's structural thesis.

The paper says that Russia, which once sold China whole weapons platforms, now sells it
components and subsystems for platforms China builds itself, with aircraft engines the key item
(Summary ¶1, Introduction ¶3, Recovery ¶3). This module sorts every SIPRI delivery into one of
four kinds by a written rule on SIPRI's own "Weapon description", and sums the TIV of each kind
over periods, so that the thesis is scored on the data rather than on an impression.

The rule (:func:`kind_of`), applied in this order to the description in lower case:

1. **engines**: an engine of any type ("turbofan", "turboshaft", "turbojet", "engine");
2. **other subsystems**: sensors and guns fitted to a platform ("radar", "sonar", "gun"), and
   the *naval* missile systems, which SIPRI lists for ships built in China;
3. **missiles**: munitions ("missile" but not "missile system", "torpedo", "shell", "mine",
   "rocket");
4. **platforms**: whole aircraft, helicopters, ships, submarines, armoured vehicles and land-based
   missile systems ("aircraft", "helicopter", "destroyer", "submarine", "frigate", "ship",
   "missile system", "tank", "vehicle").

A description that matches none of them is an error naming the designation, so that a new kind of
weapon in a new edition is classified by a person, not guessed.
"""

from __future__ import annotations

import pandas as pd

from mtcreport import sipri

#: The four kinds, in the order tables and charts show them.
KINDS = ("platforms", "engines", "other subsystems", "missiles")

_ENGINE = ("turbofan", "turboshaft", "turbojet", "engine")
_SUBSYSTEM = ("radar", "sonar", "gun")
_MUNITION = ("torpedo", "shell", "mine", "rocket")
_PLATFORM = ("aircraft", "helicopter", "destroyer", "submarine", "frigate", "ship", "tank", "vehicle")


def kind_of(description: str) -> str:
    """The kind of a weapon from SIPRI's description (the rule in the module's docstring)."""
    text = str(description).lower()
    if any(w in text for w in _ENGINE):
        return "engines"
    if any(w in text for w in _SUBSYSTEM) or ("naval" in text and "system" in text):
        return "other subsystems"
    if ("missile" in text and "missile system" not in text) or any(w in text for w in _MUNITION):
        return "missiles"
    if "missile system" in text or any(w in text for w in _PLATFORM):
        return "platforms"
    raise ValueError(f"no kind for the SIPRI description {description!r}: add it to mtcreport.structure")


def descriptions(register: pd.DataFrame) -> dict[str, str]:
    """SIPRI's description of each designation in the register."""
    return dict(zip(register["Weapon designation"], register["Weapon description"], strict=True))


def register_name(designation: str, names) -> str:
    """The register's name for a per-year row's designation: the same name without the thrust
    class ('AL-31 (13500)'), else the one register name that begins the other ('Ka-31' for
    'Ka-31 AEW', 'S-300PMU2 Favorit' for 'S-300PMU2')."""
    family = sipri.engine_family(designation)
    if family in names:
        return family
    matches = {d for d in names if d.startswith(family + " ") or family.startswith(d + " ")}
    if len(matches) != 1:
        raise ValueError(
            f"sipri_deliveries: designation {designation!r} matches "
            f"{'no' if not matches else len(matches)} designation(s) of the register"
        )
    return matches.pop()


def description_of(designation: str, known: dict[str, str]) -> str:
    """The register's description for a per-year row's designation (see :func:`register_name`)."""
    return known[register_name(designation, known)]


def classify(deliveries: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """The per-year delivery rows with a ``kind`` column."""
    known = descriptions(register)
    kinds = []
    for row in deliveries.itertuples(index=False):
        try:
            kinds.append(kind_of(description_of(row.Designation, known)))
        except ValueError as exc:
            raise ValueError(f"sipri_deliveries, row {row.id}, column Designation: {exc}") from None
    return deliveries.assign(kind=kinds)


def kinds_by_period(deliveries: pd.DataFrame, register: pd.DataFrame, periods) -> pd.DataFrame:
    """TIV delivered by kind (columns, in :data:`KINDS` order) and period (rows), with ``total``.

    ``periods`` is a list of (first, last) years; every year of a period must be in the data.
    """
    in_periods = pd.concat([deliveries["Delivery year"].between(a, b) for a, b in periods], axis=1).any(
        axis=1
    )
    rows = classify(deliveries[in_periods], register)
    years = set(deliveries["Delivery year"])
    out = {}
    for first, last in periods:
        missing = set(range(first, last + 1)) - years
        if missing:
            raise ValueError(f"no deliveries data for {sorted(missing)} in {sipri.window_label(first, last)}")
        part = rows[rows["Delivery year"].between(first, last)]
        out[sipri.window_label(first, last)] = part.groupby("kind")["TIV delivery values"].sum()
    table = pd.DataFrame(out).T.reindex(columns=list(KINDS)).fillna(0.0)
    return table.assign(total=table.sum(axis=1))


def shares_by_period(table: pd.DataFrame) -> pd.DataFrame:
    """Each kind's percentage of the period's TIV (from :func:`kinds_by_period`)."""
    return 100 * table[list(KINDS)].div(table["total"], axis=0)


def components_share(shares: pd.DataFrame) -> pd.Series:
    """Engines and other subsystems together (what the paper calls components), % per period."""
    return shares["engines"] + shares["other subsystems"]


def periods(last: int, paper_year: int = 2012) -> list[tuple[int, int]]:
    """The periods the thesis is scored on: the years before the paper's (from 2004, where SIPRI's
    per-year rows begin), the paper's five years, the rest of the decade to 2019, and the years
    since, to the last year of the data."""
    return [(2004, paper_year - 5), (paper_year - 4, paper_year), (paper_year + 1, 2019), (2020, last)]


def thesis_verdict(shares: pd.DataFrame, scored) -> str:
    """The structural thesis scored on the data.

    Test (written before the evidence): components (engines and other subsystems) should make up
    more of the TIV than whole platforms. Borne out if they do in every period of ``scored`` (the
    paper's own five years and those after it); partly if in some; not borne out if in none.
    """
    comp = components_share(shares)
    passes = sum(int(comp[p] > shares.at[p, "platforms"]) for p in scored)
    return "borne out" if passes == len(scored) else ("not borne out" if passes == 0 else "partly")
