"""An agency's overall score and its rank among peers.

score = mean of the parts that apply, each between 0 and 1:
  openness      mean stars / 5
  completeness  mean share of required fields filled
  timeliness    share up to date among datasets that declared a frequency
An agency with no public dataset has no score and no rank.
"""
from __future__ import annotations

from ckanext.opengov.transparency.metrics.openness import MAX_STARS


def agency_score(mean_stars: float | None, mean_completeness: float | None,
                 on_time_share: float | None) -> float | None:
    parts = [p for p in (
        None if mean_stars is None else mean_stars / MAX_STARS,
        mean_completeness,
        on_time_share,
    ) if p is not None]
    return round(sum(parts) / len(parts), 4) if parts else None


def rank(scores: dict[str, float | None]) -> dict[str, int | None]:
    """Competition ranking (1, 2, 2, 4) by score, highest first; agencies without score: None."""
    ordered = sorted((s for s in scores.values() if s is not None), reverse=True)
    first_place = {}
    for position, score in enumerate(ordered, start=1):
        first_place.setdefault(score, position)
    return {key: (None if s is None else first_place[s]) for key, s in scores.items()}
