"""Words, dates, addresses and problems: what every other layer speaks in."""
