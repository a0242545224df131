"""Data computed from the model for pages and files: figures, groups, the map, open data, badges."""
