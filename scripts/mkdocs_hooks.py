"""The hooks file MkDocs loads (mkdocs.yml `hooks:`). It only passes every event on to
scripts/sitegen/hooks.py, where the site's build-time behaviour lives.

Why the indirection: MkDocs imports this file once per process. Under `mkdocs serve`, which keeps
running while a volunteer edits, an edit in scripts/ would never take effect. At the start of each
build, build_mode imports the modules of scripts/ afresh when one of them changed, and the events
go to the fresh sitegen.hooks. (An edit of this small file itself still needs a restart of serve.)
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from sitegen.config import build_mode


def _site():
    return build_mode.site_hooks()


def on_startup(command, dirty):
    build_mode.start(command)


def on_config(config):
    build_mode.reimport_edited_modules(keep=__name__)
    return _site().on_config(config)


def on_pre_build(config):
    return _site().on_pre_build(config)


@event_priority(-110)  # after static-i18n (-100), which makes each language's file list anew
def on_files(files, config):
    return _site().on_files(files, config)


def on_nav(nav, config, files):
    return _site().on_nav(nav, config, files)


def on_env(env, config, files):
    return _site().on_env(env, config, files)


def on_page_markdown(markdown, page, config, files):
    return _site().on_page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return _site().on_page_content(html, page, config, files)


def on_page_context(context, page, config, nav):
    return _site().on_page_context(context, page, config, nav)


def on_post_page(output, page, config):
    return _site().on_post_page(output, page, config)


def on_template_context(context, template_name, config):
    return _site().on_template_context(context, template_name, config)


def on_post_template(output, template_name, config):
    return _site().on_post_template(output, template_name, config)


def on_post_build(config):
    return _site().on_post_build(config)
