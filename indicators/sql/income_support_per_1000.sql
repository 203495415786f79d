-- Income-support recipients (persons) per 1,000 residents of the same year and edition. CBS labels the count
-- "during the year" up to the 2020 edition and "end of year" from the 2021 edition: two raw fields, one series.
WITH recipients AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id IN ('income_support_recipients_during_year', 'income_support_recipients_end_year')
), population AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'population_total'
)
SELECT recipients.authority_id, recipients.year, recipients.edition,
       recipients.value / NULLIF(population.value, 0) * 1000 AS value,
       recipients.source_id
FROM recipients JOIN population USING (authority_id, year, edition)
