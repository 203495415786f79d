-- debt_per_capita: outstanding loans at year end per resident
-- Budget figures are stored in ₪ (CBS publishes thousands); population_total (persons, end of year)
-- comes from the physical-sheet extractor: the latest edition's figure for the same year.
WITH pop AS (
    SELECT authority_id, year, value AS population
    FROM cbs_values
    WHERE field_id = 'population_total'
    QUALIFY row_number() OVER (PARTITION BY authority_id, year ORDER BY edition DESC) = 1
),
amount AS (
    SELECT authority_id, year, edition, value, source_id
    FROM cbs_values
    WHERE field_id = 'debt_outstanding_eoy'
)
SELECT a.authority_id, a.year, a.edition,
       a.value / NULLIF(p.population, 0) AS value,  -- ₪ ÷ persons = ₪ per resident
       a.source_id
FROM amount a
JOIN pop p ON p.authority_id = a.authority_id AND p.year = a.year
