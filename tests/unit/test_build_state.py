"""What one build carries from one language to the next lives on that build's config (sitegen/hooks.py
SiteBuild), never in module globals: a serve rebuild, or a build after a failed one, starts empty."""

from __future__ import annotations

import types

import mkdocs_hooks

from sitegen import hooks
from sitegen.serve import serve_pages


def _mutable_globals(module) -> list[str]:
    return sorted(name for name, value in vars(module).items()
                  if isinstance(value, (dict, list, set)) and not name.isupper() and not name.startswith("__"))


def test_the_hooks_and_their_shim_hold_no_build_state():
    assert _mutable_globals(hooks) == []
    assert _mutable_globals(mkdocs_hooks) == []
    assert _mutable_globals(serve_pages) == []
    assert [name for name, value in vars(mkdocs_hooks).items() if isinstance(value, types.ModuleType)] == [
        "build_mode"]  # the shim only forwards


def test_each_build_gets_its_own_state():
    first, second = {}, {}
    state = hooks._site_build(first)
    state.leaflets["id"] = ["a leaflet queued by a build that then failed"]
    state.built_languages.add("id")
    assert hooks._site_build(first) is state
    assert hooks._site_build(second) == hooks.SiteBuild()
