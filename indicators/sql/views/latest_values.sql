-- The one definition of "latest": for each authority and indicator, the most recent figure (with its year)
-- and the figure before it. Town cards, comparisons and peer features all read it.
WITH ranked AS (
    SELECT authority_id, indicator_id, year, value,
           lead(year) OVER recent_first AS previous_year,
           lead(value) OVER recent_first AS previous_value,
           row_number() OVER recent_first AS recency
    FROM observations
    WINDOW recent_first AS (PARTITION BY authority_id, indicator_id ORDER BY year DESC)
)
SELECT authority_id, indicator_id, year, value, previous_year, previous_value
FROM ranked
WHERE recency = 1
ORDER BY indicator_id, authority_id
