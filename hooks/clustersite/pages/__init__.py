"""Pages: the table of page kinds and the stubs written for pages made from data."""
