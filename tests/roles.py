"""The demo's accounts, one per role: every permission matrix runs over all of them."""

ROLES = [
    "beheerder",
    "personeelszaken",
    "management",
    "leidinggevende",
    "jobcoach",
    "werving",
    "opdrachtgever",
    "monitor",
    "privacy",
]
