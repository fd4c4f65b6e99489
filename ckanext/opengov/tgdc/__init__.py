"""The Thai Government Data Catalog (TGDC) standard: vocabularies, validators and rules."""
