"""The site's build: MkDocs events (hooks.py) and one folder per concern.

ROOT is the project checkout these modules belong to (mkdocs.yml, docs/, data/, overrides/).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
