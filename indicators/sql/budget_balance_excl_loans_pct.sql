-- budget_balance_excl_loans_pct: the year's regular-budget surplus (+) / deficit (−) WITHOUT the balancing loans
-- received, as a % of regular-budget income without those loans (a loan is not income): CBS's
-- "ללא קבלת מלוות לאיזון" balance ÷ (regular income − balancing loans) × 100. Same sheet: joined within one
-- edition. Balancing loans are 0 where CBS prints "-" (nil_means: zero in data/mappings/cbs_budget.yml).
WITH balance AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id = 'surplus_deficit_regular_year_excl_loans'
),
income AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'income_regular_total'
),
loans AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'balancing_loans'
)
SELECT b.authority_id, b.year, b.edition,
       100.0 * b.value / NULLIF(i.value - l.value, 0) AS value,
       b.source_id
FROM balance b
JOIN income i ON i.authority_id = b.authority_id AND i.year = b.year AND i.edition = b.edition
JOIN loans l ON l.authority_id = b.authority_id AND l.year = b.year AND l.edition = b.edition
