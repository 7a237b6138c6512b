"""policygraph ingest layer."""
