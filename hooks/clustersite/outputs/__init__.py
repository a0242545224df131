"""Files written after the pages: feeds, embeds, badges, open data, search, headers, error pages."""
