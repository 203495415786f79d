-- Every published figure: the one observations frame the pages share (≈ 100k rows, read once per process).
SELECT authority_id, indicator_id, year, value, source_id, edition
FROM observations
ORDER BY indicator_id, authority_id, year
