"""Reading source documents: where a source states each field (layouts), the words it states values
with (vocabulary, lexicon) and how its criteria text splits into items (criteria_text)."""
