"""Every content rule fed broken input without a site build, one payload per case: the message is the
line the volunteer reads (`file:line: GALAT [rule] ...`), written out in full. The page's front matter
and one line of text take lines 1-7, so the payload sits on line 8 and a drifting line number shows.
html_safety has its own file (test_html_safety.py); data files: tests/test_data_files.py."""

from __future__ import annotations

import shutil

import pytest
from unit_site import ROOT, problems

from sitegen.checks import hygiene, links, metadata, plain_language, preferred_terms
from sitegen.models.content import Page

FRONT = "---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\nTeks biasa.\n"
FRONT_BYTES = FRONT.encode()
HEAD = "---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\n"  # front matter to go on


def _page(root, lang: str, rel: str, content: str | bytes) -> Page:
    path = root / "docs" / lang / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return Page.read(root, lang, rel)


def _root(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copy2(ROOT / "data" / "source-domains.yml", tmp_path / "data" / "source-domains.yml")
    return tmp_path


@pytest.mark.parametrize("rule, lang, rel, content, expected", [
    pytest.param(hygiene, 'id', 'uji.md', FRONT + 'Kata\u200btersembunyi.\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+200B di kolom 5. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: zero-width space'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + 'Teks \u202eterbalik.\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+202E di kolom 6. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: right-to-left override'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + 'Keluarga 👨\u200d👩\u200d👧.\n',
                 [],
                 id='hygiene: emoji joiner is allowed'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT_BYTES + b'Baris.\r\n',
                 ['docs/id/uji.md:8: GALAT [file/line-ending] Akhir baris memakai CRLF (Windows). Simpan ulang dengan akhir baris LF.'],
                 id='hygiene: CRLF'),
    pytest.param(hygiene, 'id', 'uji.md', b'\xef\xbb\xbf' + FRONT_BYTES,
                 ['docs/id/uji.md:1: GALAT [file/bom] File diawali tanda BOM yang tidak terlihat. Simpan ulang sebagai UTF-8 tanpa BOM.'],
                 id='hygiene: BOM'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT_BYTES + b'Rusak \xff.\n',
                 ['docs/id/uji.md:8: GALAT [file/encoding] File bukan UTF-8. Simpan ulang dengan encoding UTF-8 (di GitHub: salin isinya ke editor di peramban, lalu simpan).'],
                 id='hygiene: not UTF-8'),
    pytest.param(hygiene, 'id', 'Biaya_Paspor.md', FRONT,
                 ['docs/id/Biaya_Paspor.md: GALAT [file/name] Nama file dan folder harus huruf kecil, angka dan tanda hubung, diakhiri .md (contoh: `biaya-paspor.md`). Ganti nama file.'],
                 id='hygiene: file name'),
    pytest.param(hygiene, 'id', 'Prosedur/biaya.md', FRONT,
                 ['docs/id/Prosedur/biaya.md: GALAT [file/name] Nama file dan folder harus huruf kecil, angka dan tanda hubung, diakhiri .md (contoh: `biaya-paspor.md`). Ganti nama file.'],
                 id='hygiene: folder name'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + '\nTULIS ISI HALAMAN DI SINI\n',
                 ['docs/id/uji.md:9: PERINGATAN [file/placeholder] Halaman masih berisi teks contoh. Ganti dengan isi yang sebenarnya.'],
                 id='hygiene: placeholder'),
    pytest.param(hygiene, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\n',
                 ['docs/id/uji.md:6: GALAT [file/empty] Halaman kosong. Tulis isinya, atau hapus file ini dan entrinya di mkdocs.yml.'],
                 id='hygiene: empty page'),
    pytest.param(metadata, 'id', 'uji.md', '---\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\nTeks.\n',
                 ['docs/id/uji.md:1: GALAT [metadata/required] Kolom `title` wajib ada. Judul halaman, pendek dan jelas. Juga menjadi judul besar di halaman. Contoh: `title: Biaya paspor`'],
                 id='metadata: title missing'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2999-01-01\n---\n\nTeks.\n',
                 ['docs/id/uji.md:4: GALAT [metadata/invalid] Kolom `reviewed` tanggal 2999-01-01 ada di masa depan; tulis tanggal pemeriksaan yang sudah terjadi.'],
                 id='metadata: review date in the future'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji <b>\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\nTeks.\n',
                 ['docs/id/uji.md:2: GALAT [metadata/invalid] Kolom `title` memuat `<`, tanda yang dipakai kode HTML. Tulis teks biasa; untuk kutipan pakai tanda kutip lengkung “…”.'],
                 id='metadata: markup in title'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\nlayout: x\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/unknown] Kolom `layout` tidak dikenal. Kolom yang boleh: title, description, summary, glance, reviewed, translation_status, unverified, leaflet, original, hide, search_terms. Periksa ejaannya.'],
                 id='metadata: unknown field'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: [Uji\ndescription: Uji.\n---\n\nTeks.\n',
                 ["docs/id/uji.md:2: GALAT [metadata/yaml] Bagian metadata (antara dua garis ---) tidak bisa dibaca: did not find expected ',' or ']'. Periksa titik dua, tanda kutip dan spasi di awal baris."],
                 id='metadata: broken YAML'),
    pytest.param(metadata, 'id', 'uji.md', 'Tanpa metadata.\n',
                 ['docs/id/uji.md:1: GALAT [metadata/missing] Halaman tidak punya metadata. Baris pertama harus `---`, lalu title, description dan reviewed, lalu `---` lagi.'],
                 id='metadata: no front matter'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\ntranslation_status: draft\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/unknown] Kolom `translation_status` hanya untuk terjemahan; hapus dari halaman bahasa Indonesia.'],
                 id='metadata: status on an original'),
    pytest.param(metadata, 'en', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\ntranslation_status: final\n---\n\nTeks.\n',
                 ['docs/en/uji.md:5: GALAT [metadata/invalid] Kolom `translation_status` harus `draft` (belum diperiksa penutur asli) atau `reviewed` (sudah diperiksa).'],
                 id='metadata: unknown status'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nreviewed: 2026-11-28\n---\n\nTeks.\n',
                 ['docs/id/uji.md:3: GALAT [metadata/invalid] Kolom `description` terlalu panjang (161 huruf); paling banyak 160 huruf.'],
                 id='metadata: description too long'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\nleaflet: ya\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `leaflet` harus `true` atau `false`.'],
                 id='metadata: leaflet not a boolean'),
    pytest.param(links, 'id', 'uji.md', FRONT + '[biaya](biaya-paspor.md)\n',
                 ['docs/id/uji.md:8: GALAT [link/missing] Tautan `biaya-paspor.md` menuju file yang tidak ada. Periksa ejaan nama file dan jumlah `../`.'],
                 id='links: missing file'),
    pytest.param(links, 'id', 'uji.md', FRONT + '[biaya](/prosedur/biaya.md)\n',
                 ['docs/id/uji.md:8: GALAT [link/absolute] Tautan `/prosedur/biaya.md` diawali `/`. Tulis tautan relatif ke file .md, misalnya `../prosedur/biaya-paspor.md`.'],
                 id='links: absolute link'),
    pytest.param(links, 'id', 'uji.md', FRONT + '[bagian](#tidak-ada)\n',
                 ['docs/id/uji.md:8: GALAT [link/anchor] Tautan `#tidak-ada` menuju bagian `#tidak-ada` yang tidak ada di docs/id/uji.md. Pakai id judul yang ada, misalnya `{#...}` di judul itu.'],
                 id='links: missing anchor'),
    pytest.param(links, 'id', 'uji.md', FRONT + '[luar](//evil.example/)\n',
                 ['docs/id/uji.md:8: GALAT [link/https] Tautan `//evil.example/` harus ditulis lengkap dengan https://.'],
                 id='links: protocol-relative'),
    pytest.param(links, 'id', 'uji.md', FRONT + '[palsu](https://imigrasilampungbarat.com/paspor)\n',
                 ['docs/id/uji.md:8: GALAT [link/blocked] Tautan ke `https://imigrasilampungbarat.com/paspor`: situs tiruan yang tidak resmi. Hapus tautan ini dan pakai situs resmi (misalnya imigrasi.go.id).'],
                 id='links: look-alike site'),
    pytest.param(links, 'id', 'uji.md', FRONT + '[naik](../../luar.md)\n',
                 ['docs/id/uji.md:8: GALAT [link/missing] Tautan `../../luar.md` menuju file yang tidak ada. Periksa ejaan nama file dan jumlah `../`.'],
                 id='links: outside docs'),
    pytest.param(plain_language, 'id', 'uji.md', FRONT + 'Ini kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata kata panjang.\n',
                 ['docs/id/uji.md:8: PERINGATAN [language/long-sentence] Kalimat ini 27 kata (paling banyak 25). Pecah menjadi dua kalimat pendek.'],
                 id='plain_language: long sentence'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'unverified:\n  - Jam buka <b>kantor</b>.\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `unverified` butir ke-1 memuat `<`, tanda yang dipakai kode HTML. Tulis teks biasa; untuk kutipan pakai tanda kutip lengkung “…”.'],
                 id='metadata: unverified with markup'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'unverified: Jam buka.\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `unverified` harus daftar kalimat, satu per baris diawali `- `.'],
                 id='metadata: unverified not a list'),
    pytest.param(metadata, 'id', 'uji.md', "---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28\nunverified:\n  - ''\n---\n\nTeks.\n",
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `unverified` harus daftar kalimat, satu per baris diawali `- `.'],
                 id='metadata: unverified empty item'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'search_terms: []\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `search_terms` harus daftar kata atau frasa, satu per baris diawali `- `.'],
                 id='metadata: search terms empty'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'search_terms: [kata0, kata1, kata2, kata3, kata4, kata5, kata6, kata7, kata8, kata9, kata10, kata11, kata12, kata13, kata14, kata15, kata16, kata17, kata18, kata19, kata20, kata21, kata22, kata23, kata24, kata25]\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `search_terms` berisi 26 kata; paling banyak 25, yang paling sering diketik warga saja.'],
                 id='metadata: 26 search terms'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'search_terms: [bikin paspor, "paspor?"]\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `search_terms` berisi `paspor?`: tulis kata biasa (huruf, angka, spasi, tanda hubung), tanpa tanda baca lain.'],
                 id='metadata: search term punctuation'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'search_terms: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `search_terms` berisi frasa yang terlalu panjang (`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`); paling banyak 60 huruf.'],
                 id='metadata: search term too long'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'search_terms: [TKI, tki]\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `search_terms` menulis `tki` dua kali.'],
                 id='metadata: search term twice'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'search_terms: [Türkiye, jum\'at, e-paspor, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]\n---\n\nTeks.\n',
                 [],
                 id='metadata: search terms allowed'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'hide: [toc, sidebar]\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `hide` harus daftar berisi: navigation, toc, footer, path.'],
                 id='metadata: hide unknown part'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'hide: toc\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/invalid] Kolom `hide` harus daftar berisi: navigation, toc, footer, path.'],
                 id='metadata: hide not a list'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + 'hide: [navigation, toc, footer, path]\n---\n\nTeks.\n',
                 [],
                 id='metadata: hide allowed'),
    pytest.param(metadata, 'en', 'uji.md', HEAD + 'translation_status: draft\noriginal: 3f2a9c0b1d4E\n---\n\nTeks.\n',
                 ['docs/en/uji.md:6: GALAT [metadata/invalid] Kolom `original` harus 12 huruf sidik naskah asli; jalankan `python scripts/docs.py stamp`.'],
                 id='metadata: original upper case'),
    pytest.param(metadata, 'en', 'uji.md', HEAD + 'translation_status: draft\noriginal: 3f2a9c0b1d4\n---\n\nTeks.\n',
                 ['docs/en/uji.md:6: GALAT [metadata/invalid] Kolom `original` harus 12 huruf sidik naskah asli; jalankan `python scripts/docs.py stamp`.'],
                 id='metadata: original too short'),
    pytest.param(metadata, 'en', 'uji.md', HEAD + 'translation_status: draft\noriginal: 3f2a9c0b1d4e\n---\n\nTeks.\n',
                 [],
                 id='metadata: original right'),
    pytest.param(metadata, 'en', 'uji.md', HEAD + '---\n\nTeks.\n',
                 ['docs/en/uji.md:1: GALAT [metadata/required] Kolom `translation_status` wajib ada. Khusus terjemahan: `draft` atau `reviewed`. Contoh: `translation_status: draft`'],
                 id='metadata: translation without status'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 28-11-2026\n---\n\nTeks.\n',
                 ['docs/id/uji.md:4: GALAT [metadata/invalid] Kolom `reviewed` harus tanggal dengan bentuk TAHUN-BULAN-HARI, misalnya 2026-11-28.'],
                 id='metadata: review date not a date'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: Uji\ndescription: Uji.\nreviewed: 2026-11-28 10:00:00\n---\n\nTeks.\n',
                 ['docs/id/uji.md:4: GALAT [metadata/invalid] Kolom `reviewed` harus tanggal dengan bentuk TAHUN-BULAN-HARI, misalnya 2026-11-28.'],
                 id='metadata: review date with time'),
    pytest.param(metadata, 'id', 'uji.md', "---\ntitle: '  '\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\nTeks.\n",
                 ['docs/id/uji.md:2: GALAT [metadata/invalid] Kolom `title` harus berisi teks, tidak boleh kosong.'],
                 id='metadata: blank title'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ndescription: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\nreviewed: 2026-11-28\n---\n\nTeks.\n',
                 [],
                 id='metadata: longest allowed title and description'),
    pytest.param(metadata, 'id', 'uji.md', '---\ntitle: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ndescription: Uji.\nreviewed: 2026-11-28\n---\n\nTeks.\n',
                 ['docs/id/uji.md:2: GALAT [metadata/invalid] Kolom `title` terlalu panjang (81 huruf); paling banyak 80 huruf.'],
                 id='metadata: title too long'),
    pytest.param(metadata, 'id', 'uji.md', HEAD + '5: x\n---\n\nTeks.\n',
                 ['docs/id/uji.md:5: GALAT [metadata/unknown] Kolom `5` tidak dikenal. Kolom yang boleh: title, description, summary, glance, reviewed, translation_status, unverified, leaflet, original, hide, search_terms. Periksa ejaannya.'],
                 id='metadata: a number as key'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + 'Awal\u200d👩.\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+200D di kolom 5. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: joiner after a letter'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + '👩\u200dakhir.\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+200D di kolom 2. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: joiner before a letter'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + '☀\u200d⛄ dan 🀀\u200d\U0001faff dan ⛄️\u200d☀.\n',
                 [],
                 id='hygiene: joiners between symbols of every range'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + '\u200d👩\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+200D di kolom 1. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: joiner at a line start after a newline'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + '➿\u200d☀ lalu 🬀\u200d🀀.\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+200D di kolom 11. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: joiner after a symbol just past the emoji range'),
    pytest.param(hygiene, 'id', 'uji.md', FRONT + '◿\u200d☀.\n',
                 ['docs/id/uji.md:8: GALAT [file/invisible] Ada karakter tak terlihat U+200D di kolom 2. Karakter ini bisa menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya).'],
                 id='hygiene: joiner after a symbol just before the emoji range'),
]
)
def test_rule_names_file_and_line(tmp_path, rule, lang, rel, content, expected):
    root = _root(tmp_path)
    assert problems(rule, root, [_page(root, lang, rel, content)]) == expected


def test_a_page_with_nothing_wrong_passes_every_rule(tmp_path):
    root = _root(tmp_path)
    page = _page(root, "id", "uji.md", FRONT + "[bagian](#bagian)\n\n## Bagian {#bagian}\n\nKalimat pendek.\n")
    for rule in (hygiene, links, metadata, plain_language, preferred_terms):
        assert problems(rule, root, [page]) == [], rule.__name__


def test_invisible_characters_in_data_files_are_found_too(tmp_path):
    root = _root(tmp_path)
    (root / "data" / "hotlines.yml").write_text("- id: a\n  name: Sa\u200bpa\n", encoding="utf-8")
    assert problems(hygiene, root, []) == [
        "data/hotlines.yml:2: GALAT [file/invisible] Ada karakter tak terlihat U+200B di kolom 11. Karakter ini bisa "
        "menyembunyikan atau membalik teks; hapus (ketik ulang kata di sekitarnya)."]


def test_a_long_average_is_reported_for_the_whole_page(tmp_path):
    root = _root(tmp_path)
    sentence = "Ini " + "kata " * 16 + "cukup.\n"
    assert problems(plain_language, root, [_page(root, "id", "uji.md", FRONT.replace("Teks biasa.\n", "") + sentence)]) == [
        "docs/id/uji.md: PERINGATAN [language/long-average] Rata-rata kalimat di halaman ini 18.0 kata (sebaiknya "
        "paling banyak 15). Pakai kalimat yang lebih pendek."]


def test_preferred_terms_of_the_pages_language(tmp_path):
    root = _root(tmp_path)
    (root / "data" / "preferred-terms.yml").write_text(
        "lpg:\n  - preferred: begawi\n    avoid: [bekerja]\n    why: Kata Lampung untuk kerja.\n", encoding="utf-8")
    pages = [_page(root, "lpg", "uji.md", FRONT + "Sai Bekerja di luar.\n"), _page(root, "id", "uji.md", FRONT + "Bekerja.\n")]
    assert problems(preferred_terms, root, pages) == [
        "docs/lpg/uji.md:8: PERINGATAN [language/preferred-term] `bekerja`: Kata Lampung untuk kerja. Kata yang "
        "disarankan: `begawi`."]


def test_preferred_terms_in_storyboards_and_captions(tmp_path):
    root = _root(tmp_path)
    (root / "data" / "preferred-terms.yml").write_text(
        "lpg:\n  - preferred: begawi\n    avoid: [bekerja, '', 5]\n    why: Kata Lampung untuk kerja.\n"
        "  - {preferred: x, avoid: y, why: z}\n  - tidak lengkap\nen: bukan daftar\n", encoding="utf-8")
    (root / "data" / "videos" / "paspor").mkdir(parents=True)
    (root / "data" / "videos" / "paspor" / "lpg.yml").write_text("judul: Bekerja\n", encoding="utf-8")
    (root / "docs" / "lpg" / "video").mkdir(parents=True)
    (root / "docs" / "lpg" / "video" / "paspor.lpg.vtt").write_bytes("WEBVTT\n\nbekerja \xff\n".encode("latin-1"))
    assert problems(preferred_terms, root, []) == [
        "data/videos/paspor/lpg.yml:1: PERINGATAN [language/preferred-term] `bekerja`: Kata Lampung untuk kerja. "
        "Kata yang disarankan: `begawi`.",
        "docs/lpg/video/paspor.lpg.vtt:3: PERINGATAN [language/preferred-term] `bekerja`: Kata Lampung untuk kerja. "
        "Kata yang disarankan: `begawi`."]


@pytest.mark.parametrize("text", ["", "- a list\n", "lpg: [unclosed\n"])
def test_an_empty_or_broken_preferred_terms_file_gives_no_warnings(tmp_path, text):
    root = _root(tmp_path)
    (root / "data" / "preferred-terms.yml").write_text(text, encoding="utf-8")
    assert problems(preferred_terms, root, [_page(root, "lpg", "uji.md", FRONT + "bekerja\n")]) == []


def test_links_across_folders_and_languages(tmp_path):
    root = _root(tmp_path)
    target = _page(root, "id", "prosedur/b.md", FRONT + "## Bagian {#bagian}\n")  # not translated into English
    page = _page(root, "en", "prosedur/a.md",
                 FRONT + "[b](b.md#bagian) [c](../prosedur/b.md) [d](b.md#salah) ![g](gambar/tidak-ada.png)\n")
    assert problems(links, root, [target, page], ("id", "en")) == [
        "docs/en/prosedur/a.md:8: GALAT [link/anchor] Tautan `b.md#salah` menuju bagian `#salah` yang tidak ada di "
        "docs/id/prosedur/b.md. Pakai id judul yang ada, misalnya `{#...}` di judul itu.",
        "docs/en/prosedur/a.md:8: GALAT [link/missing] Tautan `gambar/tidak-ada.png` menuju file yang tidak ada. "
        "Periksa ejaan nama file dan jumlah `../`."]


def test_every_link_of_a_page_is_checked_after_the_ones_skipped(tmp_path):
    root = _root(tmp_path)
    text = (FRONT + "![type:video](https://www.youtube.com/watch?v=x)\n[a](https://www.imigrasi.go.id/x)\n"
            "[b](//evil.example/)\n[c](tidak-ada.md)\n")
    assert problems(links, root, [_page(root, "id", "uji.md", text)]) == [
        "docs/id/uji.md:10: GALAT [link/https] Tautan `//evil.example/` harus ditulis lengkap dengan https://.",
        "docs/id/uji.md:11: GALAT [link/missing] Tautan `tidak-ada.md` menuju file yang tidak ada. Periksa ejaan nama "
        "file dan jumlah `../`."]


INVISIBLE = ("GALAT [file/invisible] Ada karakter tak terlihat U+{} di kolom {}. Karakter ini bisa menyembunyikan atau "
             "membalik teks; hapus (ketik ulang kata di sekitarnya).")


def test_invisible_characters_at_the_edges_of_a_file(tmp_path):
    root = _root(tmp_path)
    files = {
        "a.yml": b"\xff not utf-8 \xe2\x80\x8b",  # the data rule reports it; the next file is still read
        "b.yml": "\ufeff\u200bx\n".encode(),  # a BOM, then a zero-width space
        "c.yml": "\u200bx\n".encode(),  # at the very start
        "d.yml": "\n\u200bx\n".encode(),  # after a first empty line
        "e.yml": "👩\u200d👩\n".encode(),  # an emoji at the very start: allowed
        "f.yml": "👩\u200d".encode(),  # a joiner as the last character joins nothing
    }
    for name, content in files.items():
        (root / "data" / name).write_bytes(content)
    assert problems(hygiene, root, []) == [
        "data/b.yml:1: " + INVISIBLE.format("200B", 2),
        "data/c.yml:1: " + INVISIBLE.format("200B", 1),
        "data/d.yml:2: " + INVISIBLE.format("200B", 1),
        "data/f.yml:1: " + INVISIBLE.format("200D", 2),
    ]


def test_the_first_crlf_is_the_line_reported(tmp_path):
    root = _root(tmp_path)
    page = _page(root, "id", "uji.md", FRONT_BYTES + b"Satu.\r\nDua.\r\n")
    assert problems(hygiene, root, [page]) == [
        "docs/id/uji.md:8: GALAT [file/line-ending] Akhir baris memakai CRLF (Windows). Simpan ulang dengan akhir "
        "baris LF."]


@pytest.mark.parametrize("extra, expected", [
    ("sources: [a]\n", ["docs/id/uji.md:5: GALAT [metadata/unknown] Kolom `sources` tidak dipakai lagi: sumber ditulis "
                        "pada kalimatnya, dengan penanda `[^kode-sumber]` (kode dari data/sources/). Hapus kolom ini."]),
    ("sources: [a]\nlayout: x\n", [
        "docs/id/uji.md:5: GALAT [metadata/unknown] Kolom `sources` tidak dipakai lagi: sumber ditulis pada kalimatnya, "
        "dengan penanda `[^kode-sumber]` (kode dari data/sources/). Hapus kolom ini.",
        "docs/id/uji.md:6: GALAT [metadata/unknown] Kolom `layout` tidak dikenal. Kolom yang boleh: title, description, "
        "summary, glance, reviewed, translation_status, unverified, leaflet, original, hide, search_terms. Periksa ejaannya."]),
    ("search_terms: [" + ", ".join(f"kata{i}" for i in range(25)) + "]\n", []),  # 25 is the most
    ("leaflet: false\n", []),
    ("unverified: [Jam buka kantor.]\n", []),
], ids=["sources field", "sources then another unknown field", "25 search terms", "leaflet false", "unverified"])
def test_metadata_fields_at_their_edges(tmp_path, extra, expected):
    root = _root(tmp_path)
    assert problems(metadata, root, [_page(root, "id", "uji.md", HEAD + extra + "---\n\nTeks.\n")]) == expected


def test_a_page_reviewed_today_passes(tmp_path):
    import datetime as dt

    root = _root(tmp_path)
    text = f"---\ntitle: Uji\ndescription: Uji.\nreviewed: {dt.date.today().isoformat()}\n---\n\nTeks.\n"
    assert problems(metadata, root, [_page(root, "id", "uji.md", text)]) == []
