-- Unemployment-benefit recipients (monthly average, persons) per 1,000 residents (end-of-year population,
-- persons) of the same year and edition. Both figures describe the edition's update year.
WITH recipients AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id = 'unemployment_benefit_recipients_monthly_avg'
), population AS (
    SELECT authority_id, year, edition, value FROM cbs_values WHERE field_id = 'population_total'
)
SELECT recipients.authority_id, recipients.year, recipients.edition,
       recipients.value / NULLIF(population.value, 0) * 1000 AS value,
       recipients.source_id
FROM recipients JOIN population USING (authority_id, year, edition)
