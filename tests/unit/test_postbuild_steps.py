"""Every post-build step says whether it runs under `mkdocs serve` (sitegen/hooks.py asks the module),
so that the choice sits beside the step it is about. tests/test_serve.py checks what serve produces."""

from __future__ import annotations

import importlib
import pkgutil

from sitegen import hooks, postbuild
from sitegen.config import build_mode
from sitegen.postbuild import leaflets, share_cards

STEPS = {m.name: importlib.import_module(f"sitegen.postbuild.{m.name}") for m in pkgutil.iter_modules(postbuild.__path__)}


def test_every_step_declares_it_and_only_cheap_ones_run_under_serve():
    declared = {name: module.RUNS_UNDER_SERVE for name, module in STEPS.items()}
    assert declared == {"css_purge": False, "js_compact": False, "leaflets": False, "offline": False,
                        "page_assets": False, "search_index": False, "search_words": False, "service_worker": False,
                        "share_cards": True, "web_manifest": True}


def test_the_hooks_skip_a_step_under_serve_only(monkeypatch):
    monkeypatch.setattr(build_mode, "serving", True)
    assert (hooks._runs(share_cards), hooks._runs(leaflets)) == (True, False)
    monkeypatch.setattr(build_mode, "serving", False)
    assert (hooks._runs(share_cards), hooks._runs(leaflets)) == (True, True)
