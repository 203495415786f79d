-- Every authority's figure for one indicator, all years (≈ 255 authorities × 10 years).
SELECT authority_id, year, value, source_id, edition
FROM observations
WHERE indicator_id = $indicator_id
ORDER BY year, authority_id
