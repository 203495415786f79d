-- Every recorded reason for a missing figure.
SELECT authority_id, indicator_id, year, reason, source_id, edition
FROM gaps
ORDER BY indicator_id, authority_id, year
