-- education_spending_per_pupil: regular-budget spending on the education chapter of budget year Y (₪) ÷ the
-- pupils of the school year that ends in Y (Y-1/Y, stored as Y). A school year runs September–June, so it
-- covers the first half of the budget year. Pupils from the latest edition carrying that school year; an
-- authority with no pupils ("-") has no row, so no figure.
WITH spending AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'expenditure_education'
),
pupils AS (
    SELECT authority_id, year, value FROM cbs_values WHERE field_id = 'pupils_total'
    QUALIFY row_number() OVER (PARTITION BY authority_id, year ORDER BY edition DESC) = 1
)
SELECT s.authority_id, s.year, s.edition,
       s.value / NULLIF(p.value, 0) AS value,  -- ₪ ÷ pupils
       s.source_id
FROM spending s
JOIN pupils p ON p.authority_id = s.authority_id AND p.year = s.year
