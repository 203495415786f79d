"""Build step: raw files in data/raw -> validated tables -> data/published/*.parquet and data/kmm.duckdb."""
