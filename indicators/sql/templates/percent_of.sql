-- One published figure as a percentage of another from the same sheet: the shared shape of every
-- `percent_of:` declaration. Joined within one authority, year and edition, so both sides describe
-- the same year as published together. Same unit on both sides (₪ ÷ ₪, or ₪ per month ÷ ₪ per month).
WITH numerator AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = $numerator
),
denominator AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = $denominator
)
SELECT n.authority_id, n.year, n.edition,
       100.0 * n.value / NULLIF(d.value, 0) AS value,
       n.source_id
FROM numerator n
JOIN denominator d ON d.authority_id = n.authority_id AND d.year = n.year AND d.edition = n.edition
