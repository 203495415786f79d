-- self_employed_share_pct: self-employed ÷ (employees + self-employed) × 100, both counts of residents from the
-- same wage block of one edition and year (CBS publishes no share and no count of all earners). A person with
-- both wage and business income may be counted in both.
WITH self_employed AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values WHERE field_id = 'self_employed_count'
),
employees AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'employees_count'
)
SELECT s.authority_id, s.year, s.edition,
       100.0 * s.value / NULLIF(s.value + e.value, 0) AS value,
       s.source_id
FROM self_employed s
JOIN employees e ON e.authority_id = s.authority_id AND e.year = s.year AND e.edition = s.edition
