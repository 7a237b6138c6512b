"""policygraph viz layer."""
