"""Two front-matter fields of issue 16, checked on their own (checks/metadata.py): `summary`, the
one-line answer under a page's title, and `glance`, the "at a glance" box of a procedure page.
One value per case; None means the value is accepted."""

from __future__ import annotations

import pytest

from sitegen.checks import metadata

SOURCE = "[^imigrasi-m-paspor-sejak-2022]"


@pytest.mark.parametrize(("value", "reason"), [
    ("Daftar di aplikasi M-Paspor, lalu datang ke kantor imigrasi.", None),
    ("x" * 160, None),
    ("x" * 161, "terlalu panjang (161 huruf); paling banyak 160 huruf"),
    ("", "harus berisi teks, tidak boleh kosong"),
    ("   ", "harus berisi teks, tidak boleh kosong"),
    (["a"], "harus berisi teks, tidak boleh kosong"),
    ("Biayanya 350 ribu.", "memuat angka; angka (biaya, lama, nomor) harus di isi halaman dengan sumbernya, bukan di ringkasan"),
    ("Baris satu.\nBaris dua.", "harus satu baris"),
    ("Baris satu.\n", None),
])
def test_summary(value, reason):
    assert metadata._summary(value) == reason


KEYS_NEEDED = "harus berisi `bring:`, `cost:`, `time:`, `where:` (satu atau lebih), masing-masing satu kalimat"


@pytest.mark.parametrize(("value", "reason"), [
    ({"bring": f"e-KTP dan KK {SOURCE}"}, None),
    ({"cost": "{{ fee e-paspor-5 }}"}, None),
    ({"bring": f"a {SOURCE}", "cost": "{{ fee e-paspor-5 }}", "time": f"b {SOURCE}", "where": f"c {SOURCE}"}, None),
    ({}, KEYS_NEEDED),
    (None, KEYS_NEEDED),
    ("bring: e-KTP", KEYS_NEEDED),
    ({"price": f"a {SOURCE}"}, "berisi `price`; yang boleh hanya bring, cost, time, where"),
    ({"bring": ""}, "bagian `bring` harus berisi teks, tidak boleh kosong"),
    ({"time": "x" * 201}, "bagian `time` terlalu panjang (201 huruf); paling banyak 200 huruf"),
    ({"where": f"{'x' * 168} {SOURCE}"}, None),  # exactly 200 letters
    ({"bring": "e-KTP"}, "bagian `bring` tidak menyebut sumber: tulis `[^kode-sumber]` di akhir kalimat, atau "
                         "`{{ fee KODE }}` untuk biaya"),
    ({"cost": "{{ fee e-paspor-5 }} {{ phone sapa-129 }}"}, "bagian `cost` memuat kurung kurawal selain `{{ fee KODE }}`"),
    ({"cost": "{{ fee e-paspor-5 }} }"}, "bagian `cost` memuat kurung kurawal selain `{{ fee KODE }}`"),
    ({"cost": "{ {{ fee e-paspor-5 }}"}, "bagian `cost` memuat kurung kurawal selain `{{ fee KODE }}`"),
    ({"bring": f"a {SOURCE}", "oops": f"b {SOURCE}"}, "berisi `oops`; yang boleh hanya bring, cost, time, where"),
    ({"bring": f"a {SOURCE}", "cost": "tanpa sumber"}, "bagian `cost` tidak menyebut sumber: tulis `[^kode-sumber]` "
                                                       "di akhir kalimat, atau `{{ fee KODE }}` untuk biaya"),
    ({"bring": "[^Bukan-Kode]"}, "bagian `bring` tidak menyebut sumber: tulis `[^kode-sumber]` di akhir kalimat, "
                                 "atau `{{ fee KODE }}` untuk biaya"),
])
def test_glance(value, reason):
    assert metadata._glance(value) == reason


def test_the_box_shows_the_keys_in_this_order():
    assert metadata.GLANCE_KEYS == ("bring", "cost", "time", "where")
