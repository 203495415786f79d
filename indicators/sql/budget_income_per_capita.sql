-- budget_income_per_capita: total regular-budget income per resident
-- CBS's own per-capita figure (income_regular_per_capita, ₪ per resident) is preferred where the sheet
-- publishes it; otherwise income_regular_total (₪) ÷ population_total (persons at year end, the latest
-- edition's figure for the same year). CBS divides by the same end-of-year population (checked:
-- Umm al-Fahm 2022, 398,901 thousand ₪ ÷ 6,799.7 ₪ = 58,665 ≈ its end-2022 population 58,665).
WITH pop AS (
    SELECT authority_id, year, value AS population
    FROM cbs_values
    WHERE field_id = 'population_total'
    QUALIFY row_number() OVER (PARTITION BY authority_id, year ORDER BY edition DESC) = 1
),
published AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'income_regular_per_capita'
),
computed AS (
    SELECT t.authority_id, t.year, t.edition,
           t.value / NULLIF(p.population, 0) AS value,  -- ₪ ÷ persons
           t.source_id
    FROM cbs_values t
    JOIN pop p ON p.authority_id = t.authority_id AND p.year = t.year
    WHERE t.field_id = 'income_regular_total'
)
SELECT authority_id, year, edition, value, source_id FROM published
UNION ALL
SELECT c.authority_id, c.year, c.edition, c.value, c.source_id
FROM computed c
WHERE NOT EXISTS (
    SELECT 1 FROM published x
    WHERE x.authority_id = c.authority_id AND x.year = c.year AND x.edition = c.edition
)
