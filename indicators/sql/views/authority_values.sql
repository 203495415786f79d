-- One authority's figures for every indicator and year.
SELECT indicator_id, year, value, source_id, edition
FROM observations
WHERE authority_id = $authority_id
ORDER BY indicator_id, year
