-- nonresidential_arnona_share_pct: property-tax charges on everything but homes ÷ all charges × 100.
-- Non-residential = total charges − residential charges (offices, commerce, industry, crafts, banks,
-- hotels, parking, occupied and agricultural land, other). Same sheet: joined within one edition.
WITH total AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'arnona_charge_total'
),
res AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'arnona_charge_residential'
)
SELECT t.authority_id, t.year, t.edition,
       100.0 * (t.value - r.value) / NULLIF(t.value, 0) AS value,
       t.source_id
FROM total t
JOIN res r ON r.authority_id = t.authority_id AND r.year = t.year AND r.edition = t.edition
