-- Why figures are missing for one authority (the reason CBS gives, from the latest edition).
SELECT indicator_id, year, reason, source_id, edition
FROM gaps
WHERE authority_id = $authority_id
ORDER BY indicator_id, year
