"""Peer groups ("twins", as in Kolada): the authorities across Israel most like a chosen one on the
socio-economic index, peripherality, size and kind, with weights the user can change.

Distance = sqrt( Σ w·(z_a − z_b)² + w_kind·[kind differs] ), where z is a feature standardised over
all authorities (mean 0, s.d. 1) and population enters as log10 (size matters proportionally).
Authorities missing a feature that carries weight are left out, never imputed."""
from __future__ import annotations

import numpy as np
import pandas as pd

FEATURE_INDICATORS = {"ses": "ses_index", "peripherality": "peripherality_index", "size": "population"}
DEFAULT_WEIGHTS = {"ses": 1.0, "peripherality": 1.0, "size": 1.0, "kind": 1.0}


def peer_features(latest: pd.DataFrame, authorities: pd.DataFrame) -> pd.DataFrame:
    """authority_id-indexed frame: ses, peripherality, size (log10 population), kind.

    `latest` is views.latest_values(): each authority's most recent figure per indicator.
    """
    wide = latest.pivot_table(index="authority_id", columns="indicator_id", values="value")
    features = pd.DataFrame(index=authorities["authority_id"])
    for feature, indicator_id in FEATURE_INDICATORS.items():
        column = wide[indicator_id] if indicator_id in wide else pd.Series(dtype=float)
        features[feature] = column.reindex(features.index)
    features["size"] = np.log10(features["size"].where(features["size"] > 0))
    features["kind"] = authorities.set_index("authority_id")["kind"]
    return features


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
    kind_differs = (features.loc[candidates.index, "kind"] != features.loc[authority_id, "kind"]).astype(float)
    squared = squared + weights.get("kind", 0) * kind_differs
    return np.sqrt(squared).sort_values(kind="stable")


def nearest_peers(features: pd.DataFrame, authority_id: str, weights: dict[str, float] | None = None,
                  k: int = 10) -> list[str]:
    """The k most similar authorities (closest first)."""
    distances = peer_distances(features, authority_id, weights or DEFAULT_WEIGHTS)
    return distances.head(k).index.tolist()
