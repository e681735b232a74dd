"""The language configuration (scripts/sitegen/config/languages.py), read from a mkdocs.yml written out here: what
each language gets when mkdocs.yml says nothing more than its code and name."""

from __future__ import annotations

from sitegen.config import languages

CONFIG = """\
site_name: Uji
plugins:
  - search
  - i18n:
      languages:
        - locale: en
          name: English
          build: true
        - locale: id
          name: Bahasa Indonesia
          default: true
          build: true
        - locale: lpg
          name: Cawa Lampung
          build: true
extra:
  repository: !ENV [REPOSITORY_URL, ""]
  hreflang:
    lpg: ljp
  speech_lang:
    id: id-ID
    en: en-US
  og_locale:
    id: id_ID
"""


def test_languages_come_from_mkdocs_yml_default_first(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    site = languages.load(tmp_path)
    assert site.codes == ["id", "en", "lpg"]
    assert site.default == languages.Language(code="id", name="Bahasa Indonesia", html_lang="id",
                                              speech_lang="id-ID", og_locale="id_ID")
    assert site.get("en") == languages.Language(code="en", name="English", html_lang="en",
                                                speech_lang="en-US", og_locale=None)
    # No voice of its own: the default language's voice reads it; <html lang> from extra.hreflang.
    assert site.get("lpg") == languages.Language(code="lpg", name="Cawa Lampung", html_lang="ljp",
                                                 speech_lang="id-ID", og_locale=None)
    assert site.get("xx") == site.default


def test_an_edited_mkdocs_yml_is_read_again(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    assert languages.load(tmp_path).get("lpg").html_lang == "ljp"
    config.write_text(CONFIG.replace("lpg: ljp", "lpg: abl "), encoding="utf-8")
    assert languages.load(tmp_path).get("lpg").html_lang == "abl"
