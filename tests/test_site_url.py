"""No machine-local address anywhere: without SITE_URL the build writes no absolute address to its own
pages and no QR code, in the pages, printouts, leaflets, zips or search index; a deployment refuses
to build without a public SITE_URL."""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import zipfile
import zlib

import pdf_tools
import pytest
import yaml
from conftest import DEFAULT, LANGUAGES, ROOT, Tags, lang_prefix

from sitegen.models import site_data

LOCAL = re.compile(rb"127\.0\.0\.1|localhost", re.I)


def _contents(name: str, data: bytes):
    """(name, bytes) of a file and of everything inside it: zip members, gzip, PDF streams."""
    yield name, data
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from _contents(f"{name}!{member}", archive.read(member))
    elif name.endswith(".gz"):
        yield from _contents(name.removesuffix(".gz"), gzip.decompress(data))
    elif name.endswith(".pdf"):
        for number, stream in enumerate(re.findall(rb"stream\r?\n(.*?)endstream", data, re.S)):
            try:
                yield f"{name}#stream{number}", zlib.decompress(stream)
            except zlib.error:
                pass


def test_nothing_the_build_writes_names_a_machine_local_address(plain_build):
    found = []
    count = 0
    for path in sorted(plain_build.site.rglob("*")):
        if path.is_file():
            for name, data in _contents(path.relative_to(plain_build.site).as_posix(), path.read_bytes()):
                count += 1
                if LOCAL.search(data):
                    found.append(name)
    assert count > 1000  # pages, zip members and PDF streams were all read
    assert found == []


def test_nothing_the_build_writes_names_the_build_folder(plain_build):
    folder = str(plain_build.site).encode()
    project = str(plain_build.project).encode()
    found = [name for path in plain_build.site.rglob("*") if path.is_file()
             for name, data in _contents(path.relative_to(plain_build.site).as_posix(), path.read_bytes())
             if folder in data or project in data or b"file:///" in data]
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printouts_have_no_address_or_qr_code_without_a_site_url(plain_build, lang):
    ui = site_data.ui_strings(lang, DEFAULT)
    page = (plain_build.site / lang_prefix(lang) / "prosedur" / "m-paspor" / "index.html").read_text(encoding="utf-8")
    footer = re.search(r'<footer class="site-print-footer" hidden>(.*?)</footer>', page, re.S)[1]
    assert "<svg" not in footer and "site-print-footer__url" not in footer
    assert ui["print.address"] not in footer
    assert ui["disclaimer"] in footer and ui["print.hotlines"] in footer


def test_leaflets_have_no_qr_code_and_no_link_without_a_site_url(plain_build, tmp_path):
    pdf_tools.require_tools()
    pdf = plain_build.site / "prosedur" / "m-paspor" / "leaflet-m-paspor-id.pdf"
    assert pdf_tools.qr_codes(pdf, tmp_path) == []
    assert b"/URI (file:" not in pdf.read_bytes()
    # Links to other pages of the site became text; web addresses of sources stay links.
    uris = [u for name, data in _contents("x.pdf", pdf.read_bytes()) for u in re.findall(rb"/URI \(([^)]*)\)", data)]
    assert uris and all(re.match(rb"(https|tel|mailto):", u) for u in uris), uris


def test_hreflang_and_page_links_stay_relative_without_a_site_url(plain_build):
    page = (plain_build.site / "en" / "prosedur" / "m-paspor" / "index.html").read_text(encoding="utf-8")
    tags = Tags(page)
    alternates = [a["href"] for a in tags.find("link", rel="alternate")]
    assert len(alternates) == len(LANGUAGES) and not [h for h in alternates if "://" in h]
    assert tags.find("link", rel="canonical") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zip_links_to_other_languages_are_text_without_a_site_url(plain_build, lang):
    """Without a public address a zip cannot point online: such links become plain text."""
    with zipfile.ZipFile(plain_build.site / "offline" / f"info-imigrasi-lampung-barat-{lang}.zip") as archive:
        folder = f"info-imigrasi-{lang}"
        names = {n.removeprefix(folder + "/") for n in archive.namelist()}
        page = f"{lang_prefix(lang)}prosedur/m-paspor/index.html"
        html = archive.read(f"{folder}/{page}").decode("utf-8")
    tags = Tags(html)
    assert not [a for a in tags.find("a") if "data-online" in a]
    switcher = [a for t, a in tags.tags if t == "a" and "md-select__link" in (a.get("class") or "")]
    assert len(switcher) == len(LANGUAGES)
    linked = [(a["href"], a.get("aria-current")) for a in switcher if a.get("href")]
    assert linked == [("index.html", "true")]  # the page itself; the other languages are text
    checked = []
    for _, attrs in tags.tags:
        for key in ("href", "src"):
            value = attrs.get(key)
            if value and not re.match(r"^([a-z][a-z0-9+.-]*:|#)", value):
                target = os.path.normpath(os.path.join(os.path.dirname(page), value.split("#")[0]))
                assert target in names, value
                checked.append(target)
    assert page in checked  # the loop above saw the page's local links (the switcher links itself)


# --- deploying ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("site_url", ["", "http://127.0.0.1:8000/", "https://localhost/", "http://example.org/",
                                      "https://127.0.0.1/situs/"])
def test_the_deploy_build_refuses_a_missing_or_local_site_url(site_url):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(["bash", str(ROOT / "scripts" / "dev.sh"), "deploy"], capture_output=True, text=True,
                            env=env, cwd=ROOT)
    assert result.returncode == 2
    assert "GALAT: SITE_URL harus alamat publik situs yang diawali https://" in result.stderr
    assert "Building documentation" not in result.stderr


def test_the_deploy_workflow_builds_with_the_deploy_command_and_the_pages_address():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["deploy"]["steps"]
    build = [s for s in steps if "scripts/dev.sh" in s.get("run", "")]
    assert [s["run"] for s in build] == ["bash scripts/dev.sh deploy"]
    assert build[0]["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    # Nothing else builds the site for deployment.
    assert not [s for s in steps if "mkdocs" in s.get("run", "")]
