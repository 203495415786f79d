-- accumulated_deficit_pct: accumulated regular-budget surplus (+) or deficit (−) at year end as a share of the year's regular income
-- Both figures come from the same budget sheet: joined within one edition and year. ₪ ÷ ₪ × 100.
WITH num AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'deficit_accumulated_eoy'
),
den AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'income_regular_total'
)
SELECT n.authority_id, n.year, n.edition,
       100.0 * n.value / NULLIF(d.value, 0) AS value,
       n.source_id
FROM num n
JOIN den d ON d.authority_id = n.authority_id AND d.year = n.year AND d.edition = n.edition
