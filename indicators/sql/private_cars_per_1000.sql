-- Private cars (number) per 1,000 residents (end-of-year population) of the same year and edition.
WITH cars AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'private_cars_total'
), population AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'population_total'
)
SELECT cars.authority_id, cars.year, cars.edition,
       cars.value / NULLIF(population.value, 0) * 1000 AS value,
       cars.source_id
FROM cars JOIN population USING (authority_id, year, edition)
