-- business_floor_area_per_capita: m² of property-tax-charged floor area for offices/services/commerce
-- plus industry and crafts, per resident. 2013–2016 editions publish industry and crafts as one
-- category (arnona_area_industry_crafts); from 2017 they are separate (industry + crafts). Were an
-- edition to print both, the separate pair is used (the finer, later layout) and the combined figure
-- left out, so nothing is counted twice. Every component of the layout used must be present: a "-"
-- (nil) component is a gap, so the sum is not computed then.
-- Areas are stored in m² (CBS publishes thousands of m²); residents from the shared view
-- population_at_year_end.
WITH area AS (
    SELECT authority_id, year, edition, field_id, value, source_id,
           count(*) FILTER (WHERE field_id IN ('arnona_area_industry', 'arnona_area_crafts'))
               OVER (PARTITION BY authority_id, year, edition) = 2 AS split_layout
    FROM cbs_values
    WHERE field_id IN ('arnona_area_offices_commerce', 'arnona_area_industry_crafts',
                       'arnona_area_industry', 'arnona_area_crafts')
),
business AS (
    SELECT authority_id, year, edition, any_value(source_id) AS source_id,
           sum(value) AS value,
           count(*) FILTER (WHERE field_id = 'arnona_area_offices_commerce') AS n_offices,
           count(*) FILTER (WHERE field_id <> 'arnona_area_offices_commerce') AS n_industry_crafts,
           bool_or(split_layout) AS split_layout
    FROM area
    WHERE field_id = 'arnona_area_offices_commerce'
       OR (field_id = 'arnona_area_industry_crafts') <> split_layout
    GROUP BY authority_id, year, edition
)
SELECT b.authority_id, b.year, b.edition,
       b.value / NULLIF(p.persons, 0) AS value,  -- m² ÷ persons
       b.source_id
FROM business b
JOIN population_at_year_end p ON p.authority_id = b.authority_id AND p.year = b.year
WHERE b.n_offices = 1 AND b.n_industry_crafts = CASE WHEN b.split_layout THEN 2 ELSE 1 END
