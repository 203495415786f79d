-- A figure as CBS publishes it (the shared shape of every `field:` declaration).
SELECT authority_id, year, edition, value, source_id
FROM cbs_values
WHERE field_id = $field
