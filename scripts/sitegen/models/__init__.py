"""Data models with validation, shared by pages, print and checks (hotlines, glossary, journeys, videos, front matter, data files)."""
