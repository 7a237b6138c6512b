"""policygraph graph layer."""
