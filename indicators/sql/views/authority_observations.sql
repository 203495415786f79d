-- One authority's figures (the authority id bound as a parameter), as the observations view has them for
-- that authority: the leaky bucket and the profile's files need only these, not all ≈ 140k rows.
SELECT indicator_id, year, value, source_id, edition
FROM observations
WHERE authority_id = ?
ORDER BY indicator_id, year
