"""Peer groups ("twins", as in Kolada): the authorities across Israel most like a chosen one on the
socio-economic index, peripherality, size, kind and (optionally) population group, with weights the user
can change.

Distance = sqrt( Σ w·(z_a − z_b)² + w_kind·[kind differs] + w_group·[group differs] ), where z is a
feature standardised over all authorities (mean 0, s.d. 1) and population enters as log10 (size matters
proportionally).
Authorities missing a feature that carries weight are left out, never imputed."""
from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.provenance import localised_sources

FEATURE_INDICATORS = {"ses": "ses_index", "peripherality": "peripherality_index", "size": "population"}
# Categorical criteria: feature column -> weight key. A differing category adds its weight to the squared distance.
CATEGORIES = {"kind": "kind", "population_group": "group"}
# The population group is off by default: peers are alike in circumstances, and the gap page compares groups.
DEFAULT_WEIGHTS = {"ses": 1.0, "peripherality": 1.0, "size": 1.0, "kind": 1.0, "group": 0.0}


def peer_features(latest: pd.DataFrame, authorities: pd.DataFrame) -> pd.DataFrame:
    """authority_id-indexed frame: ses, peripherality, size (log10 population), kind, population_group.

    `latest` is views.latest_values(): each authority's most recent figure per indicator.
    """
    wide = latest.pivot_table(index="authority_id", columns="indicator_id", values="value")
    features = pd.DataFrame(index=authorities["authority_id"])
    for feature, indicator_id in FEATURE_INDICATORS.items():
        column = wide[indicator_id] if indicator_id in wide else pd.Series(dtype=float)
        features[feature] = column.reindex(features.index)
    features["size"] = np.log10(features["size"].where(features["size"] > 0))
    info = authorities.set_index("authority_id")
    for column in CATEGORIES:
        features[column] = info[column] if column in info else None
    return features


def _category_penalty(features: pd.DataFrame, authority_id: str, others: pd.Index,
                      weights: dict[str, float]) -> pd.DataFrame:
    """others × weight key: the weight where the category differs from the chosen authority's, else 0
    (an unknown category counts as differing)."""
    table = pd.DataFrame(index=others)
    for column, key in CATEGORIES.items():
        differs = features.loc[others, column] != features.loc[authority_id, column]
        table[key] = weights.get(key, 0) * differs.astype(float)
    return table


def standardise(features: pd.DataFrame) -> pd.DataFrame:
    numeric = features[list(FEATURE_INDICATORS)]
    spread = numeric.std(ddof=0).replace(0, 1.0)
    return (numeric - numeric.mean()) / spread


def peer_distances(features: pd.DataFrame, authority_id: str, weights: dict[str, float]) -> pd.Series:
    """Distance from `authority_id` to every other authority that has the weighted features."""
    z = standardise(features)
    used = [f for f in FEATURE_INDICATORS if weights.get(f, 0) > 0]
    if authority_id not in z.index or z.loc[authority_id, used].isna().any():
        return pd.Series(dtype=float)
    candidates = z.dropna(subset=used).drop(index=authority_id)
    squared = sum(weights[f] * (candidates[f] - z.loc[authority_id, f]) ** 2 for f in used)
    if not used:
        squared = pd.Series(0.0, index=candidates.index)
    squared = squared + _category_penalty(features, authority_id, candidates.index, weights).sum(axis=1)
    return np.sqrt(squared).sort_values(kind="stable")


def nearest_peers(features: pd.DataFrame, authority_id: str, weights: dict[str, float] | None = None,
                  k: int = 10) -> list[str]:
    """The k most similar authorities (closest first)."""
    distances = peer_distances(features, authority_id, weights or DEFAULT_WEIGHTS)
    return distances.head(k).index.tolist()


def distance_contributions(features: pd.DataFrame, authority_id: str, weights: dict[str, float]) -> pd.DataFrame:
    """Each peer's squared distance split by feature: w·(z_a − z_b)² for ses, peripherality and size,
    and w·[category differs] for kind and group; the row sums are the squared distances. Same rows as
    peer_distances."""
    distances = peer_distances(features, authority_id, weights)
    parts = list(FEATURE_INDICATORS) + list(CATEGORIES.values())
    if distances.empty:
        return pd.DataFrame(columns=parts, dtype=float)
    z = standardise(features)
    peers = distances.index
    table = pd.DataFrame(index=peers)
    for feature in FEATURE_INDICATORS:
        weight = weights.get(feature, 0)
        table[feature] = weight * (z.loc[peers, feature] - z.loc[authority_id, feature]) ** 2 if weight > 0 else 0.0
    return table.join(_category_penalty(features, authority_id, peers, weights))


def latest_with_source(values: pd.DataFrame) -> pd.DataFrame:
    """authority_id-indexed latest figure with its year and source_id, from one indicator's values
    (views.indicator_values: authority_id, year, value, source_id)."""
    valid = values.dropna(subset=["value"]).sort_values("year")
    return valid.groupby("authority_id").last()[["value", "year", "source_id"]]


def landscape(feature_values: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every authority with both indices: authority_id and the latest figure of each feature indicator (the
    scatter plot of the peer page). feature_values: indicator_id -> latest_with_source() frame."""
    frame = pd.DataFrame({i: v["value"] for i, v in feature_values.items()})
    return frame.dropna(subset=["ses_index", "peripherality_index"]).rename_axis("authority_id").reset_index()


def peer_table(authority_id: str, distances: pd.Series, contributions: pd.DataFrame, authorities: pd.DataFrame,
               feature_values: dict[str, pd.DataFrame], k: int) -> pd.DataFrame:
    """The chosen authority (rank 0) and its k nearest peers, with the raw feature values behind the
    distance, their year and source, and the feature that separates each peer most.

    feature_values: indicator_id -> latest_with_source() frame for each FEATURE_INDICATORS indicator."""
    nearest = distances.head(k)
    ids = [authority_id, *nearest.index]
    info = authorities.set_index("authority_id").reindex(ids)
    table = pd.DataFrame({
        "rank": range(len(ids)), "authority_id": ids, "kind": info["kind"].to_numpy(),
        "district": info["district"].to_numpy(), "district_en": info["district_en"].to_numpy(),
    })
    for indicator_id in FEATURE_INDICATORS.values():
        latest = feature_values.get(indicator_id, pd.DataFrame(columns=["value", "year", "source_id"])).reindex(ids)
        table[indicator_id] = latest["value"].to_numpy()
        table[f"{indicator_id}_year"] = latest["year"].astype("Int64").to_numpy()
        table[f"{indicator_id}_source"] = latest["source_id"].to_numpy()
    table["distance"] = [0.0, *nearest.to_numpy()]
    main = contributions.reindex(nearest.index).idxmax(axis=1) if not contributions.empty else pd.Series(dtype=object)
    # A peer identical on every weighted feature has nothing that separates it.
    shares = contributions.reindex(nearest.index).sum(axis=1) if not contributions.empty else pd.Series(dtype=float)
    main = main.where(shares > 0, None)
    table["differs_most"] = [None, *main.reindex(nearest.index).to_numpy()]
    return table


def peer_export(table: pd.DataFrame, names: dict[str, str], indicators: pd.DataFrame, sources: pd.DataFrame,
                lang: str, kind_names: dict[str, str], district: pd.Series) -> pd.DataFrame:
    """The peer table for download: each feature with its unit, year and source, so the CSV stands on its own.

    district: the district name in `lang`, aligned with `table`."""
    meta = indicators.set_index("indicator_id")
    src = localised_sources(sources, lang).set_index("source_id")
    out = pd.DataFrame({
        "rank": table["rank"], "authority_id": table["authority_id"], "authority": table["authority_id"].map(names),
        "kind": table["kind"].map(kind_names), "district": district.to_numpy(),
    })
    for indicator_id in FEATURE_INDICATORS.values():
        source = table[f"{indicator_id}_source"]
        out[indicator_id] = table[indicator_id].round(int(meta.at[indicator_id, "decimals"]) + 2)
        out[f"{indicator_id}_unit"] = meta.at[indicator_id, f"unit_{lang}"]
        out[f"{indicator_id}_year"] = table[f"{indicator_id}_year"]
        out[f"{indicator_id}_source"] = (source.map(src["publisher"]) + " — " + source.map(src["title"]) + ", "
                                         + source.map(src["edition"]).astype("string"))
        out[f"{indicator_id}_source_url"] = source.map(src["url"])
    out["distance"] = table["distance"].round(3)
    return out.reset_index(drop=True)
