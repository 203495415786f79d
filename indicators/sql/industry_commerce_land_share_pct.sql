-- Industry plus commerce and offices, as % of the jurisdiction area in the CBS land-use survey (km2 / km2 x 100),
-- same authority, survey year (2013 or 2021) and edition.
-- A category CBS prints as "-" (no such land) has no row in cbs_values and adds nothing to the sum; when the
-- survey total is missing (".." - no survey for the authority) there is no value at all.
WITH total AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id = 'landuse_total_km2'
), parts AS (
    SELECT authority_id, year, edition, SUM(value) AS value FROM cbs_values
    WHERE field_id IN ('landuse_industry_km2',
                       'landuse_commerce_offices_km2')
    GROUP BY authority_id, year, edition
)
SELECT total.authority_id, total.year, total.edition,
       COALESCE(parts.value, 0) / NULLIF(total.value, 0) * 100 AS value,
       total.source_id
FROM total LEFT JOIN parts USING (authority_id, year, edition)
