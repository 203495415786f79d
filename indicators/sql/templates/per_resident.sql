-- A published count or amount per resident (or per 1,000 residents): the shared shape of every
-- `per_resident:` declaration. Budget amounts are already in ₪ and counts in persons (see the mappings).
-- Population = persons at the end of the same year (the shared view population_at_year_end); the numerator
-- keeps its own edition. $fields are the names one figure
-- carries across editions (CBS relabels columns): the first of them an edition has is used.
-- Where the declaration names CBS's own per-resident figure ($published, '' when none), that figure is
-- used for the editions that print it (CBS divides by the same end-of-year population).
WITH amount AS (
    SELECT authority_id, year, edition, value, source_id
    FROM cbs_values
    WHERE list_contains($fields, field_id)
    QUALIFY row_number() OVER (PARTITION BY authority_id, year, edition
                               ORDER BY list_position($fields, field_id)) = 1
),
published AS (
    SELECT authority_id, year, edition, value, source_id
    FROM cbs_values
    WHERE field_id = $published
),
computed AS (
    SELECT a.authority_id, a.year, a.edition,
           a.value / NULLIF(p.persons, 0) * $per AS value,
           a.source_id
    FROM amount a
    JOIN population_at_year_end p ON p.authority_id = a.authority_id AND p.year = a.year
)
SELECT authority_id, year, edition, value, source_id FROM published
UNION ALL
SELECT c.authority_id, c.year, c.edition, c.value, c.source_id
FROM computed c
WHERE NOT EXISTS (
    SELECT 1 FROM published x
    WHERE x.authority_id = c.authority_id AND x.year = c.year AND x.edition = c.edition
)
