"""policygraph ontology layer."""
