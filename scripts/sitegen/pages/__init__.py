"""Markdown for the page markers and the generated pages (directory, videos, tools, status, glance, what's new, citations)."""
