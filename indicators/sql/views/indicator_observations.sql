-- One indicator's figures (the indicator id bound as a parameter), as the observations view has them for
-- that indicator: the home page needs only these, and reading all ≈ 140k rows first cost it ~0.3 s.
SELECT authority_id, year, value, source_id, edition
FROM observations
WHERE indicator_id = ?
ORDER BY authority_id, year
