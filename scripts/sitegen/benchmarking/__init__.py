"""Building blocks of scripts/benchmark.py: sites, a GitHub-Pages-like server, byte counting in
Chromium, Lighthouse, and the report."""
