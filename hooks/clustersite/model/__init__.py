"""The content model: field specifications, typed records, vocabularies, wording, the loaded site."""
