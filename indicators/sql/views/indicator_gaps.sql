-- Why figures are missing for one indicator (every authority and year; the reason CBS gives).
SELECT authority_id, year, reason, source_id, edition
FROM gaps
WHERE indicator_id = $indicator_id
ORDER BY year, authority_id
