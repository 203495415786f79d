-- The one definition of "latest": for each authority and indicator, the most recent figure (with its year)
-- and the figure before it. Town cards, comparisons and peer features all read it.
WITH ranked AS (
    SELECT authority_id, indicator_id, year, value,
           row_number() OVER (PARTITION BY authority_id, indicator_id ORDER BY year DESC) AS recency
    FROM observations
    QUALIFY recency <= 2
)
SELECT latest.authority_id, latest.indicator_id, latest.year, latest.value,
       previous.year AS previous_year, previous.value AS previous_value
FROM ranked latest
LEFT JOIN ranked previous
  ON previous.authority_id = latest.authority_id AND previous.indicator_id = latest.indicator_id
 AND previous.recency = 2
WHERE latest.recency = 1
ORDER BY latest.indicator_id, latest.authority_id
