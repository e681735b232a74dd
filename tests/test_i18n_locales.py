"""The Lampung locale `lpg` and static-i18n's two-letter rule."""


import iso639_locales
from mkdocs_static_i18n import config as i18n_config


def test_upstream_still_refuses_three_letter_locales():
    """When this fails, static-i18n accepts ISO 639-3 codes (upstream PR #348): delete
    scripts/iso639_locales.py, its entry point in pyproject.toml and `iso639-locales` in mkdocs.yml."""
    assert not iso639_locales.UPSTREAM_RE_LOCALE.match("lpg"), (
        "static-i18n now accepts three-letter locales: the iso639-locales plugin is no longer needed")


def test_patch_only_widens_the_language_part():
    upstream = iso639_locales.UPSTREAM_RE_LOCALE.pattern
    assert iso639_locales.RE_LOCALE.pattern == upstream.replace("[a-z]{2}", "[a-z]{2,3}"), (
        "static-i18n changed its locale pattern: re-check scripts/iso639_locales.py against it")


def test_patched_pattern_is_the_one_static_i18n_uses():
    assert i18n_config.RE_LOCALE is iso639_locales.RE_LOCALE
    for ok in ("id", "en", "lpg", "ljp", "en-US", "pt_BR"):
        assert i18n_config.RE_LOCALE.match(ok), ok
    for bad in ("lampung", "LPG", "l", "id-"):
        assert not i18n_config.RE_LOCALE.match(bad), bad
