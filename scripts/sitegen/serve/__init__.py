"""What `mkdocs serve` keeps between a volunteer's edits so that a one-page edit shows fast: the tools' answer
pages rendered again only when what they show changed, and compiled templates."""
