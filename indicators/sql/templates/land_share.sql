-- Land-use categories as a % of the jurisdiction area in the CBS land-use survey (km² ÷ km² × 100),
-- same authority, survey year (2013 or 2021) and edition: the shared shape of every `land_share:`
-- declaration. A category CBS prints as "-" (no such land) has no row in cbs_values and adds nothing
-- to the sum; when the survey total is missing ("..": no survey for the authority) there is no value.
WITH total AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id = 'landuse_total_km2'
), parts AS (
    SELECT authority_id, year, edition, SUM(value) AS value FROM cbs_values
    WHERE list_contains($categories, field_id)
    GROUP BY authority_id, year, edition
)
SELECT total.authority_id, total.year, total.edition,
       COALESCE(parts.value, 0) / NULLIF(total.value, 0) * 100 AS value,
       total.source_id
FROM total LEFT JOIN parts USING (authority_id, year, edition)
