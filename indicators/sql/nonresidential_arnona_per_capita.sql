-- nonresidential_arnona_per_capita: property-tax charges on everything but homes, in ₪ per resident.
-- Non-residential = total charges − residential charges (the property-type block, same edition; the
-- subtraction equals the sum of the non-residential types: Be'er Sheva 2021, docs/research/issue-8 §8),
-- over the persons at the end of the same year (the shared view population_at_year_end).
WITH total AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'arnona_charge_total'
),
res AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'arnona_charge_residential'
)
SELECT t.authority_id, t.year, t.edition,
       (t.value - r.value) / NULLIF(p.persons, 0) AS value,
       t.source_id
FROM total t
JOIN res r ON r.authority_id = t.authority_id AND r.year = t.year AND r.edition = t.edition
JOIN population_at_year_end p ON p.authority_id = t.authority_id AND p.year = t.year
