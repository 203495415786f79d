-- Persons at the end of each year, from the latest edition that carries that year (CBS revises populations):
-- the denominator of every per-resident figure. Created as a view beside cbs_values (indicators/compute.py).
CREATE VIEW population_at_year_end AS
SELECT authority_id, year, value AS persons
FROM cbs_values
WHERE field_id = 'population_total'
QUALIFY row_number() OVER (PARTITION BY authority_id, year ORDER BY edition DESC) = 1
