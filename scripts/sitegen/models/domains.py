"""Web addresses: which hosts are official, which may never be cited, and whether an address can
prove a statement at all (a deep link, not a home, search or listing page). Lists are in
data/source-domains.yml; decisions are made on the parsed host, never on the text of the address."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from sitegen.models import yaml_files

# A host name of plain ASCII labels. Anything else (Unicode look-alikes, punycode `xn--`) is not trusted.
_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# Query keys that name one document on a site root (WordPress `?p=4352`), and keys of a search.
DOCUMENT_QUERY_KEYS = frozenset({"p", "page_id", "id"})
SEARCH_QUERY_KEYS = frozenset({"s", "q", "query", "search", "keyword", "keywords", "cari", "k"})
SEARCH_SEGMENTS = frozenset({"search", "cari", "pencarian"})
# A listing: one of these segments followed by at most one more (`/tag/paspor`, `/kategori/berita`,
# `/page/2`), or an index word as the whole path (`/berita`).
LISTING_SEGMENTS = frozenset({"tag", "tags", "category", "categories", "kategori", "label", "archive",
                              "arsip", "page", "listtag"})
INDEX_PATHS = frozenset({"berita", "news", "artikel", "article", "blog", "beranda", "home", "index",
                         "index.php", "index.html", "posts", "post"})


LISTS_FILE = "source-domains.yml"


def lists_version(root: Path) -> tuple[int, int] | None:
    """Changes whenever data/source-domains.yml is edited (`mkdocs serve` keeps running meanwhile)."""
    try:
        stat = (root / "data" / LISTS_FILE).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _lists(root: Path) -> dict[str, tuple[str, ...]]:
    return _read_lists(root, lists_version(root))


@lru_cache(maxsize=8)
def _read_lists(root: Path, version) -> dict[str, tuple[str, ...]]:
    data = yaml_files.load(root / "data" / LISTS_FILE) or {}
    return {key: tuple(data.get(key) or ()) for key in ("official", "blocked", "never_cite", "shorteners")}


def host(url: str) -> str:
    """The lower-case host of an address; empty when it cannot be parsed or is not plain ASCII."""
    try:
        parts = urlsplit(url.strip())
        name = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if not name or not all(_LABEL_RE.match(label) and not label.startswith("xn--") for label in name.split(".")):
        return ""
    return name


def _matches(hostname: str, suffixes: tuple[str, ...]) -> bool:
    return bool(hostname) and any(hostname == s or hostname.endswith("." + s) for s in suffixes)


def has_user_info(url: str) -> bool:
    """`https://a.go.id@b.com/` goes to b.com: the part before `@` is only a user name."""
    try:
        return "@" in urlsplit(url.strip()).netloc
    except ValueError:
        return True


def is_official(root: Path, url: str) -> bool:
    lists = _lists(root)
    h = host(url)
    return (not has_user_info(url) and _matches(h, lists["official"]) and not _matches(h, lists["blocked"]))


def is_blocked(root: Path, url: str) -> bool:
    return _matches(host(url), _lists(root)["blocked"])


def source_url_problem(root: Path, url: str, official: bool) -> str | None:
    """Why `url` cannot be cited as a source (plain Indonesian), or None. `official`: the source claims
    to be a government page or regulation, so its host must be one."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return "bukan alamat web yang bisa dibaca"
    if parts.scheme != "https":
        return "harus diawali https://"
    if has_user_info(url):
        return "memuat tanda `@` sebelum nama situs; alamat seperti itu membawa pembaca ke situs lain"
    h = host(url)
    if not h:
        return ("nama situsnya memakai huruf di luar a-z, 0-9 dan tanda `-` (bisa jadi situs tiruan yang "
                "mirip); tulis alamat aslinya")
    if parts.port is not None:
        return "memuat nomor port; tulis alamat biasa tanpa `:angka`"
    lists = _lists(root)
    if _matches(h, lists["blocked"]):
        return "adalah situs tiruan yang tidak resmi dan memuat informasi salah"
    if _matches(h, lists["never_cite"]):
        return ("adalah salinan dokumen, unggahan pengguna atau blog, bukan sumber; cari halaman resminya "
                "(misalnya peraturan.bpk.go.id untuk peraturan) dan kutip itu")
    if _matches(h, lists["shorteners"]):
        return "adalah pemendek alamat; tulis alamat lengkap halaman sumbernya"
    segments = [s.lower() for s in parts.path.split("/") if s]
    query = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if query & SEARCH_QUERY_KEYS or any(s in SEARCH_SEGMENTS for s in segments):
        return "adalah halaman pencarian; tulis alamat halaman yang memuat faktanya"
    if not segments and not (query & DOCUMENT_QUERY_KEYS):
        return ("adalah halaman depan situs, yang tidak membuktikan fakta apa pun; tulis alamat halaman atau "
                "dokumen yang memuat faktanya")
    for i, segment in enumerate(segments):
        if segment in LISTING_SEGMENTS and len(segments) - i <= 2:
            return "adalah halaman daftar (kategori, tag atau arsip); tulis alamat artikel atau dokumennya"
    if len(segments) == 1 and segments[0] in INDEX_PATHS:
        return "adalah halaman daftar berita; tulis alamat artikel yang memuat faktanya"
    if official and not is_official(root, url):
        return ("bukan situs pemerintah (nama situs harus `go.id` atau berakhiran `.go.id`); jika hanya ada "
                "berita, tulis `kind: news`")
    return None
