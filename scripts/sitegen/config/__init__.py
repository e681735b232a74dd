"""Configuration and languages, read from mkdocs.yml, and what kind of build this is (build or serve)."""
