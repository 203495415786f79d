-- Women's average monthly wage as % of men's (employees), both from the same edition and wage year.
-- 2022 is absent: that edition has no employee wages by sex (see data/mappings/cbs_physical.yml).
WITH women AS (
    SELECT authority_id, year, edition, value, source_id FROM cbs_values
    WHERE field_id = 'avg_monthly_wage_employees_women'
), men AS (
    SELECT authority_id, year, edition, value FROM cbs_values
    WHERE field_id = 'avg_monthly_wage_employees_men'
)
SELECT women.authority_id, women.year, women.edition,
       women.value / NULLIF(men.value, 0) * 100 AS value,
       women.source_id
FROM women JOIN men USING (authority_id, year, edition)
