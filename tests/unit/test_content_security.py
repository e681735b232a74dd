"""The Content Security Policy (sitegen/transforms/content_security.py): a built page runs only the two
hashed inline lines; `mkdocs serve`'s preview also runs MkDocs' inline live-reload script."""

from __future__ import annotations

from sitegen.transforms import content_security

HASH = "'sha256-vyD0tDLKSgU2naTnaXTz2+x9ZDwIx28ZDvB62usV+EQ='"  # worked out with hashlib by hand
AFTER_PAINT_HASH = "'sha256-VMmn9mNmdgR+azsEsLkoGa2h8Cb+ZhFgd1H8TwU1WxY='"  # the same, of the loader in main.html


def _script_src(policy: str) -> str:
    return next(d for d in policy.split("; ") if d.startswith("script-src "))


def test_a_built_page_allows_the_two_hashed_lines_only():
    assert content_security.script_hash(content_security.JS_CLASS_SCRIPT) == HASH
    assert content_security.script_hash(content_security.AFTER_PAINT_SCRIPT) == AFTER_PAINT_HASH
    assert _script_src(content_security.policy()) == f"script-src 'self' 'wasm-unsafe-eval' {HASH} {AFTER_PAINT_HASH}"


def test_serve_allows_inline_scripts_without_a_hash_that_would_cancel_it():
    assert _script_src(content_security.policy(serving=True)) == "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"


def test_serve_changes_nothing_else():
    built, served = content_security.policy().split("; "), content_security.policy(serving=True).split("; ")
    assert [d for d in built if not d.startswith("script-src")] == [d for d in served if not d.startswith("script-src")]
    assert "default-src 'none'" in served and "object-src 'none'" in served
