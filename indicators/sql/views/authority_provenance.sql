-- One authority's figures with where each was read (source, edition, CBS sheet and header): the town
-- profile's provenance notes. The authority is bound as a parameter.
SELECT indicator_id, year, source_id, edition, sheet, cbs_header
FROM observations
WHERE authority_id = ?
ORDER BY indicator_id, year
