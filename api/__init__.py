"""policygraph api layer."""
