-- Who has a figure for what, when, and from which edition (values are not needed for coverage).
SELECT authority_id, indicator_id, year, edition
FROM observations
ORDER BY indicator_id, authority_id, year
