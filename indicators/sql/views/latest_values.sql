-- For each indicator, every authority's most recent figure (with its year): the basis of
-- percentile comparisons and peer features.
WITH ranked AS (
    SELECT authority_id, indicator_id, year, value,
           row_number() OVER (PARTITION BY authority_id, indicator_id ORDER BY year DESC) AS recency
    FROM observations
)
SELECT authority_id, indicator_id, year, value
FROM ranked
WHERE recency = 1
ORDER BY indicator_id, authority_id
