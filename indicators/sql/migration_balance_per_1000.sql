-- Total migration balance (persons) per 1,000 residents at the end of the same year, same edition.
WITH balance AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id = 'migration_balance_total'
), population AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'population_total'
)
SELECT balance.authority_id, balance.year, balance.edition,
       balance.value / NULLIF(population.value, 0) * 1000 AS value,
       balance.source_id
FROM balance JOIN population USING (authority_id, year, edition)
