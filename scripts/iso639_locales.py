"""Let mkdocs-static-i18n accept three-letter ISO 639-3 locales (our Lampung folder `lpg`).

static-i18n 1.3.1 validates locales with RE_LOCALE, which only allows two-letter ISO 639-1 codes.
Upstream PR #348 widens the language part to two or three letters; this plugin applies exactly that
change, nothing more, so it can be deleted once a release carries it
(tests/test_i18n_locales.py fails on that day to say so).

It must be listed before `i18n` in mkdocs.yml: MkDocs loads plugins in order and validates each
plugin's config as it loads it, so the pattern has to be widened before static-i18n reads it.
"""

import re

from mkdocs.plugins import BasePlugin
from mkdocs_static_i18n import config, folder, suffix

UPSTREAM_RE_LOCALE = config.RE_LOCALE
# Same as upstream's pattern with `[a-z]{2}` widened to `[a-z]{2,3}` (ISO 639-1 or 639-3).
RE_LOCALE = re.compile(r"(^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2,3}_[A-Z]{2}$)")

# static-i18n imports the pattern by name into each module that uses it.
for module in (config, folder, suffix):
    module.RE_LOCALE = RE_LOCALE


class Iso639LocalesPlugin(BasePlugin):
    """Does its work at import time; the class exists so MkDocs can load the module as a plugin."""
