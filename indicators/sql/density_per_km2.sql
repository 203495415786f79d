-- Residents (end-of-year population, persons) per km2 of jurisdiction area (general section, km2),
-- same year and edition. The area column exists from the 2016 edition.
WITH population AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'population_total'
), area AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'area_km2'
)
SELECT population.authority_id, population.year, population.edition,
       population.value / NULLIF(area.value, 0) AS value,
       population.source_id
FROM population JOIN area USING (authority_id, year, edition)
