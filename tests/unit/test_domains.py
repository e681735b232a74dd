"""Official-source matching (scripts/sitegen/models/domains.py), one address per case: decisions are
made on the parsed host, so look-alikes, user names before `@`, ports and Unicode hosts never pass."""

from __future__ import annotations

import pytest
from unit_site import ROOT

from sitegen.models import domains


@pytest.mark.parametrize("url, official", [
    ("https://www.imigrasi.go.id/wna/izin-tinggal", True),
    ("https://imigrasi.go.id/", True),
    ("https://go.id/", True),  # the suffix itself
    ("https://peraturan.bpk.go.id/Details/1", True),
    ("HTTPS://KOTABUMI.IMIGRASI.GO.ID/x", True),  # hosts are case-insensitive
    ("https://imigrasi-go.id/", False),  # suffix without the dot
    ("https://imigrasigo.id/", False),
    ("https://fakego.id/", False),
    ("https://imigrasi.go.id.evil.com/", False),  # the official name as a sub-domain of another site
    ("https://imigrasi.go.id@evil.com/", False),  # user name before `@`
    ("https://evil.com@imigrasi.go.id/", False),  # any `@` is refused: readers cannot tell
    ("https://evil.com/imigrasi.go.id/", False),
    ("https://evil.com/?u=https://imigrasi.go.id/", False),
    ("https://imigrasi.go.id:8443/", True),  # a port does not change the host; source_url_problem refuses it
    ("https://xn--imigrsi-3ya.go.id/", False),  # punycode label
    ("https://imigrаsi.go.id/", False),  # Cyrillic а
    ("https://go.id.example/", False),
    ("https://id/", False),
    ("https://imigrasilampungbarat.com/", False),
    ("https://-bad.go.id/", False),  # a label may not start with `-`
    ("https://bad-.go.id/", False),  # nor end with one
    ("https://a..go.id/", False),  # an empty label
    ("not a url", False),
    ("", False),
    ("https://[::1]/", False),
    ("https://[/", False),  # urlsplit raises: not an address
    ("https://www.kemenkumham.go.id/berita/1", True),
])
def test_is_official(url, official):
    assert domains.is_official(ROOT, url) is official


@pytest.mark.parametrize("url, host", [
    ("https://WWW.Imigrasi.go.id/a", "www.imigrasi.go.id"),
    ("  https://imigrasi.go.id/a  ", "imigrasi.go.id"),
    ("https://imigrasi.go.id:443/", "imigrasi.go.id"),
    ("https://user:pw@imigrasi.go.id/", "imigrasi.go.id"),
    ("https://xn--80ak6aa92e.com/", ""),
    ("https://imigrаsi.go.id/", ""),
    ("https://a_b.go.id/", ""),
    ("https://" + "a" * 64 + ".go.id/", ""),  # a label has at most 63 letters
    ("https://" + "a" * 63 + ".go.id/", "a" * 63 + ".go.id"),
    ("https://[/", ""),
    ("mailto:a@b.c", ""),
])
def test_host(url, host):
    assert domains.host(url) == host


@pytest.mark.parametrize("url, blocked", [
    ("https://imigrasilampungbarat.com/paspor", True),
    ("https://www.imigrasilampungbarat.com/paspor", True),
    ("https://imigrasilampungbarat.com.evil.org/", False),
    ("https://notimigrasilampungbarat.com/", False),
    ("https://imigrasi.go.id/", False),
    ("https://[/", False),
])
def test_is_blocked(url, blocked):
    assert domains.is_blocked(ROOT, url) is blocked


@pytest.mark.parametrize("url", ["https://a.go.id@b.com/", "https://@imigrasi.go.id/", "https://[/"])
def test_user_info_or_unreadable_address(url):
    assert domains.has_user_info(url) is True


@pytest.mark.parametrize("url", ["https://imigrasi.go.id/a@b", "https://imigrasi.go.id/?mail=a@b"])
def test_an_at_sign_after_the_host_is_not_user_info(url):
    assert domains.has_user_info(url) is False


HOME = ("adalah halaman depan situs, yang tidak membuktikan fakta apa pun; tulis alamat halaman atau dokumen "
        "yang memuat faktanya")
SEARCH = "adalah halaman pencarian; tulis alamat halaman yang memuat faktanya"
LISTING = "adalah halaman daftar (kategori, tag atau arsip); tulis alamat artikel atau dokumennya"
NEWS_INDEX = "adalah halaman daftar berita; tulis alamat artikel yang memuat faktanya"
NOT_GOV = ("bukan situs pemerintah (nama situs harus `go.id` atau berakhiran `.go.id`); jika hanya ada berita, "
           "tulis `kind: news`")
FARM = ("adalah salinan dokumen, unggahan pengguna atau blog, bukan sumber; cari halaman resminya (misalnya "
        "peraturan.bpk.go.id untuk peraturan) dan kutip itu")
UNICODE = ("nama situsnya memakai huruf di luar a-z, 0-9 dan tanda `-` (bisa jadi situs tiruan yang mirip); tulis "
           "alamat aslinya")


@pytest.mark.parametrize("url, official, problem", [
    ("https://www.imigrasi.go.id/wna/izin-tinggal", True, None),
    ("https://peraturan.bpk.go.id/Details/274577/pp-no-45-tahun-2024", True, None),
    ("https://www.kompas.com/read/2024/01/01/paspor", False, None),  # a news article, not claimed official
    ("https://site.example/?p=4352", False, None),  # one WordPress post on a site root
    ("https://site.example/?page_id=12", False, None),
    ("https://site.example/?id=3", False, None),
    ("http://www.imigrasi.go.id/wna", True, "harus diawali https://"),
    ("ftp://www.imigrasi.go.id/wna", True, "harus diawali https://"),
    ("https://[/", True, "bukan alamat web yang bisa dibaca"),
    ("https://imigrasi.go.id@evil.com/wna", True,
     "memuat tanda `@` sebelum nama situs; alamat seperti itu membawa pembaca ke situs lain"),
    ("https://imigrаsi.go.id/wna", True, UNICODE),
    ("https://www.imigrasi.go.id:8443/wna", True, "memuat nomor port; tulis alamat biasa tanpa `:angka`"),
    ("https://imigrasilampungbarat.com/paspor", False,
     "adalah situs tiruan yang tidak resmi dan memuat informasi salah"),
    ("https://www.scribd.com/document/1/uu", False, FARM),
    ("https://contoh.blogspot.com/2020/paspor.html", False, FARM),
    ("https://bit.ly/3abc", False, "adalah pemendek alamat; tulis alamat lengkap halaman sumbernya"),
    ("https://s.id/paspor", False, "adalah pemendek alamat; tulis alamat lengkap halaman sumbernya"),
    ("https://www.imigrasi.go.id/", True, HOME),
    ("https://www.imigrasi.go.id", True, HOME),
    ("https://www.imigrasi.go.id/?lang=en", True, HOME),
    ("https://www.imigrasi.go.id/?s=paspor", True, SEARCH),
    ("https://www.imigrasi.go.id/berita?Q=paspor", True, SEARCH),  # query keys are case-insensitive
    ("https://www.imigrasi.go.id/?cari=", True, SEARCH),
    ("https://www.imigrasi.go.id/search/paspor", True, SEARCH),
    ("https://www.imigrasi.go.id/Pencarian", True, SEARCH),
    ("https://www.imigrasi.go.id/tag/paspor", True, LISTING),
    ("https://www.imigrasi.go.id/kategori/berita", True, LISTING),  # one segment after it: a listing
    ("https://www.imigrasi.go.id/kategori/berita/2", True, None),  # two after it: an article
    ("https://www.imigrasi.go.id/page/2", True, LISTING),
    ("https://www.imigrasi.go.id/tag", True, LISTING),
    ("https://www.imigrasi.go.id/2024/tag/paspor", True, LISTING),
    ("https://www.imigrasi.go.id/berita", True, NEWS_INDEX),
    ("https://www.imigrasi.go.id/Index.php", True, NEWS_INDEX),
    ("https://www.imigrasi.go.id/berita/paspor-baru", True, None),
    ("https://imigrasi-go.id/paspor", True, NOT_GOV),
    ("https://imigrasi.go.id.evil.com/paspor", True, NOT_GOV),
    ("https://www.kompas.com/read/2024/paspor", True, NOT_GOV),
    ("  https://www.imigrasi.go.id/wna  ", True, None),  # spaces around are trimmed
])
def test_source_url_problem(url, official, problem):
    assert domains.source_url_problem(ROOT, url, official) == problem


def test_a_blocked_host_inside_an_official_suffix_is_not_official(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "source-domains.yml").write_text(
        "official: [go.id]\nblocked: [palsu.go.id]\n", encoding="utf-8")
    assert domains.is_official(tmp_path, "https://palsu.go.id/paspor") is False
    assert domains.is_official(tmp_path, "https://www.palsu.go.id/paspor") is False
    assert domains.is_official(tmp_path, "https://asli.go.id/paspor") is True
