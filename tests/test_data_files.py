"""Data files (data/*.yml) against their schema: the real files pass, broken ones give a message that
names the file, the entry and the line, and nothing ever raises."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import LANGUAGES, ROOT, copy_project, mkdocs_build

from sitegen.checks import data_files as data_files_rule
from sitegen.checks import runner
from sitegen.models import data_files, site_data
from sitegen.models.content import ERROR, WARNING

SCHEMAS = {s.file: s for s in data_files.SCHEMAS}


def _root(tmp_path, files: dict[str, str | bytes]):
    """A throw-away root with the domain list and the given data files."""
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "data" / "source-domains.yml", tmp_path / "data" / "source-domains.yml")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the languages
    for name, content in files.items():
        path = tmp_path / "data" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _errors(root, file):
    valid, problems = data_files.validate(root, SCHEMAS[file], LANGUAGES)
    return valid, [p for p in problems if p.severity == ERROR], [p for p in problems if p.severity == WARNING]


def test_the_rule_runs_with_every_content_check():
    assert data_files_rule in runner.RULES


@pytest.mark.parametrize("file", sorted(SCHEMAS))
def test_real_data_files_pass_their_schema(file):
    valid, errors, warnings = _errors(ROOT, file)
    assert errors == [] and warnings == [], [str(p) for p in errors + warnings]
    raw = yaml.safe_load((ROOT / "data" / file).read_text(encoding="utf-8"))
    entries = raw[SCHEMAS[file].entries_key] if SCHEMAS[file].entries_key else raw
    assert len(valid) == len(entries)  # nothing silently dropped


def test_real_data_says_what_is_verified_and_claims_no_partnership():
    points = site_data.valid_entries("service-points.yml")
    assert len(points) == 7
    verified = [p["id"] for p in points if p["verified"]]
    # News reports are leads, not verification: no address is confirmed by an official page or a visit yet.
    assert verified == []
    for point in points:  # none verified: unknown details are recorded as unknown, never guessed
        assert all(point[f] is None for f in ("address", "coordinates", "hours", "phone", "whatsapp")), point["id"]
    assert all(p["coordinates"] is None for p in points)  # none is known: none may be invented
    assert site_data.valid_entries("agenda.yml") == []  # no real event yet: no invented ones
    partners = site_data.valid_entries("partners.yml")
    assert {p["relation"] for p in partners} == {"referral"}
    assert [p["link"] for p in partners if p["link"]] == [
        "https://kotabumi.imigrasi.go.id/", "https://kp2mi.go.id/", "https://bp2mi.go.id/",
        "https://peduliwni.kemlu.go.id/"]


GOOD_POINT = """\
  - id: kantor-contoh
    kind: immigration-office
    name: {id: Kantor Contoh, en: Example Office}
    area: Liwa, Lampung Barat
    address: null
    kecamatan: null
    coordinates: null
    hours: null
    phone: null
    whatsapp: null
    services: [Paspor]
    source: https://www.imigrasi.go.id/
    verified: false
"""
KINDS = "kinds:\n  immigration-office: {id: Kantor imigrasi, en: Immigration office}\npoints:\n"


def test_schema_errors_name_file_entry_field_and_line(tmp_path):
    broken = GOOD_POINT.replace("kind: immigration-office", "kind: immigration-offce") \
                       .replace("phone: null", "phone: \"call us\"") \
                       .replace("verified: false", "verfied: false")
    text = KINDS + broken
    root = _root(tmp_path, {"service-points.yml": text})
    valid, errors, _ = _errors(root, "service-points.yml")
    assert valid == []
    by_rule = {}
    for p in errors:
        assert p.path == "data/service-points.yml"
        assert p.rule.startswith("data/service-points/")
        assert "`kantor-contoh`" in p.message, p.message  # names the entry
        by_rule.setdefault(p.rule, []).append(p)
    kind = next(p for p in errors if "`kind`" in p.message)
    assert kind.line == _line(text, "kind:") and "immigration-office" in kind.message  # says what is allowed
    phone = next(p for p in errors if "`phone`" in p.message)
    assert phone.line == _line(text, "phone:") and "0721" in phone.message  # shows a right example
    typo = by_rule["data/service-points/unknown-field"][0]
    assert typo.line == _line(text, "verfied:") and "verified" in typo.message  # suggests the right name
    missing = by_rule["data/service-points/required"][0]
    assert missing.line == _line(text, "- id:") and "`verified`" in missing.message  # the entry's line


def test_entries_are_named_by_name_when_they_have_no_id(tmp_path):
    root = _root(tmp_path, {"hotlines.yml": "- name: {id: Saluran Contoh}\n  purpose: x\n  phone: 129\n"
                                            "  verified: {date: 2999-01-01, by: saya}\n"})
    _, errors, _ = _errors(root, "hotlines.yml")
    # Hotlines need an `id` (pages write `{{ phone ID }}`); both messages name the entry by its name.
    assert [(e.line, e.rule) for e in errors] == [(1, "data/hotlines/required"), (4, "data/hotlines/invalid")]
    assert all("`Saluran Contoh`" in e.message for e in errors) and "masa depan" in errors[1].message


def test_duplicate_ids_and_impossible_dates_and_times(tmp_path):
    event = ("- id: forum-a\n  kind: forum\n  date: {date}\n  time: {time}\n  place: Balai pekon\n"
             "  language: Bahasa Indonesia\n  topic: Paspor\n  organiser: Tim\n")
    text = event.format(date="2027-02-30", time="9:30") + event.format(date="2027-03-01", time='"11:00-10:00"')
    root = _root(tmp_path, {"agenda.yml": text})
    _, errors, _ = _errors(root, "agenda.yml")
    lines = {(p.line, p.rule) for p in errors}
    assert (3, "data/agenda/invalid") in lines  # 30 February, not a crash of the whole file
    assert (9, "data/agenda/duplicate-id") in lines
    assert not any(p.line == 4 for p in errors)  # unquoted 9:30 is read as the time it looks like


def test_an_unquoted_time_and_phone_keep_their_written_form(tmp_path):
    event = ("- id: kelas-a\n  kind: class\n  date: 2027-01-15\n  time: 14:30-16:00\n  place: Balai\n"
             "  language: Bahasa Indonesia\n  topic: Paspor\n  organiser: Tim\n")
    root = _root(tmp_path, {"agenda.yml": event})
    valid, errors, _ = _errors(root, "agenda.yml")
    assert errors == [] and valid[0]["time"] == ("14:30", "16:00")


def test_partners_cannot_claim_an_agreement_without_one(tmp_path):
    entry = ("- id: mitra-a\n  kind: ngo\n  name: Mitra A\n  role: Membantu\n  relation: agreement\n"
             "  source: https://www.imigrasi.go.id/\n")
    root = _root(tmp_path, {"partners.yml": entry})
    valid, errors, _ = _errors(root, "partners.yml")
    assert valid == [] and errors[0].rule == "data/partners/agreement" and errors[0].line == 5


def test_content_farm_sources_are_refused(tmp_path):
    point = GOOD_POINT.replace("https://www.imigrasi.go.id/", "https://imigrasi-kotabumi.com/kontak")
    root = _root(tmp_path, {"service-points.yml": KINDS + point})
    _, errors, _ = _errors(root, "service-points.yml")
    assert len(errors) == 1 and "tiruan" in errors[0].message
    assert errors[0].line == _line(KINDS + point, "source:")


@pytest.mark.parametrize("field, value, says", [
    ("name", '"<img src=x onerror=alert(1)>"', "memuat `<`"),
    ("name", '"Kantor &lt;b&gt;"', "memuat `&lt;`"),
    ("services", '["Paspor</li><script>"]', "memuat `<`"),
    ("source", '"https://www.imigrasi.go.id/\\"><script>"', "memuat `\"`"),
    ("source", "https://www.imigrasi.go.id/ a", "memuat ` `"),
    ("source", "https://user@www.imigrasi.go.id/", "nama pengguna"),
    ("source", "javascript://www.imigrasi.go.id/%0aalert(1)", "diawali https://"),
    ("source", "https://www.imigrasi.go.id:8443/", "diawali https://"),
    ("source", "https://-imigrasi.go.id/", "diawali https://"),
    ("web", "https://imigrasi.go.id/<x>", "memuat `<`"),
])
def test_texts_refuse_markup_and_addresses_are_parsed(tmp_path, field, value, says):
    point = GOOD_POINT.replace(f"    {field}: ", f"    {field}: {value}  # ", 1) if f"    {field}: " in GOOD_POINT \
        else GOOD_POINT.replace("    verified: false", f"    {field}: {value}\n    verified: false")
    text = KINDS + point
    root = _root(tmp_path, {"service-points.yml": text})
    valid, errors, _ = _errors(root, "service-points.yml")
    assert valid == []  # the entry never reaches a page
    assert len(errors) == 1 and errors[0].line == _line(text, f"    {field}:"), [str(e) for e in errors]
    assert f"kolom `{field}`" in errors[0].message and says in errors[0].message


def test_interface_strings_refuse_markup_with_their_line(tmp_path):
    text = ("notice.draft.title:\n  id: Draf\n  en: <img src=x onerror=alert(1)>\n"
            "notice.draft.body:\n  id: Teks\n  xx: Teks\n")
    root = _root(tmp_path, {"ui-strings.yml": text})
    problems = data_files.ui_string_problems(root, LANGUAGES)
    assert [(p.path, p.line, p.rule) for p in problems] == [("data/ui-strings.yml", 3, "data/ui-strings/invalid"),
                                                            ("data/ui-strings.yml", 6, "data/ui-strings/invalid")]
    assert "bahasa `en` memuat `<`" in problems[0].message and "`xx`" in problems[1].message
    assert data_files.ui_string_problems(ROOT, LANGUAGES) == []


def test_unverified_details_are_kept_off_the_page_and_the_volunteer_is_told(tmp_path):
    point = GOOD_POINT.replace("phone: null", 'phone: "0721-123456"')
    root = _root(tmp_path, {"service-points.yml": KINDS + point})
    valid, errors, warnings = _errors(root, "service-points.yml")
    assert errors == [] and len(valid) == 1
    assert warnings[0].rule == "data/service-points/unverified-details" and "phone" in warnings[0].message


def test_coordinates_outside_lampung_are_flagged(tmp_path):
    point = GOOD_POINT.replace("coordinates: null", "coordinates: {lat: 104.06, lon: -5.03}")
    root = _root(tmp_path, {"service-points.yml": KINDS + point})
    _, errors, _ = _errors(root, "service-points.yml")
    assert errors and "tertukar" in errors[0].message
    point = GOOD_POINT.replace("coordinates: null", "coordinates: {lat: 5.03, lon: 104.06}")
    root = _root(tmp_path, {"service-points.yml": KINDS + point})
    _, _, warnings = _errors(root, "service-points.yml")
    assert any(p.rule == "data/service-points/coordinates" for p in warnings)


def test_one_broken_entry_does_not_hide_the_others(tmp_path):
    good = GOOD_POINT
    bad = GOOD_POINT.replace("kantor-contoh", "kantor-rusak").replace("services: [Paspor]", "services: 7")
    root = _root(tmp_path, {"service-points.yml": KINDS + good + bad})
    valid = site_data.valid_entries("service-points.yml", root=root)
    assert [p["id"] for p in valid] == ["kantor-contoh"]


# Broken input -> what every data file reports ("line:rule", rule without the `data/<file>/` prefix),
# with the files whose schema reads it differently. Written out: a validator that reports nothing, or
# reports on the wrong line, fails here. Line 0 means the whole file (PyYAML gives no position there).
BROKEN_INPUTS = [
    (b'',
     '1:shape',
     {'agenda': '', 'fees': '', 'journeys': '', 'whats-new': ''}),
    (b'# only a comment\n',
     '1:shape',
     {'agenda': '', 'fees': '', 'journeys': '', 'whats-new': ''}),
    (b'- name: [unclosed\n  purpose: x\n',
     '2:yaml',
     {}),
    (b'\tname: tab\n',
     '1:yaml',
     {}),
    (b'\xff\xfe not utf-8',
     '1:encoding',
     {}),
    (b'just a string',
     '1:shape',
     {}),
    (b'42',
     '1:shape',
     {}),
    (b'{a: 1}',
     '1:shape',
     {'service-points': '1:unknown-field 1:required 1:required'}),
    (b'[1, 2, [3]]',
     '1:entry 1:entry 1:entry',
     {'service-points': '1:shape'}),
    (b'- null\n- []\n- {}\n',
     '1:entry 2:entry 3:required 3:required 3:required 3:required 3:required 3:required 3:required',
     {'fees': '1:entry 2:entry 3:required 3:required 3:required 3:required 3:required', 'hotlines': '1:entry 2:entry 3:required 3:required 3:required 3:required', 'partners': '1:entry 2:entry 3:required 3:required 3:required 3:required 3:required 3:required', 'service-points': '1:shape', 'journeys': '1:entry 2:entry 3:required 3:required 3:required', 'whats-new': '1:entry 2:entry 3:required 3:required 3:required 3:required 3:required 3:required'}),
    (b'- &a [*a]\n',
     '1:entry',
     {'service-points': '1:shape'}),
    (b'kinds: &k {a: *k}\npoints: *k\n',
     '1:shape',
     {'service-points': '1:invalid 1:shape'}),
    (b'kinds: []\npoints: {}\n',
     '1:shape',
     {'service-points': '1:invalid 2:shape'}),
    (b'kinds:\n  immigration-office: 5\npoints:\n  - {id: X, kind: [1], name: {id: [], en: {}}}\n',
     '1:shape',
     {'service-points': '4:invalid 4:invalid 4:invalid 4:required 4:required 4:required 4:required 4:required 4:required 4:required 4:required 4:required 4:required'}),
    (b'- id: a\n  date: 2027-13-45\n  coordinates: {lat: x, lon: .inf}\n  verified: {date: 1, by: [], x: 2}\n',
     '3:unknown-field 4:unknown-field 1:required 2:invalid 1:required 1:required 1:required 1:required',
     {'fees': '2:unknown-field 3:unknown-field 4:unknown-field 1:required 1:required 1:required 1:required', 'hotlines': '2:unknown-field 3:unknown-field 1:required 1:required 4:invalid', 'partners': '2:unknown-field 3:unknown-field 4:unknown-field 1:required 1:required 1:required 1:required 1:required', 'service-points': '1:shape', 'journeys': '2:unknown-field 3:unknown-field 4:unknown-field 1:required 1:required', 'whats-new': '3:unknown-field 4:unknown-field 2:invalid 1:required 1:required 1:required 1:required'}),
    (b'- {id: a, name: {fr: b}, phone: true, whatsapp: 1e9, source: [http://x, 5], verified: yes}\n',
     '1:unknown-field 1:unknown-field 1:unknown-field 1:unknown-field 1:unknown-field 1:required 1:required 1:required 1:required 1:required 1:required',
     {'fees': '1:unknown-field 1:unknown-field 1:unknown-field 1:required 1:invalid 1:required 1:invalid', 'hotlines': '1:invalid 1:required 1:invalid 1:invalid 1:invalid 1:invalid', 'partners': '1:unknown-field 1:unknown-field 1:unknown-field 1:required 1:invalid 1:required 1:required 1:invalid', 'service-points': '1:shape', 'journeys': '1:unknown-field 1:unknown-field 1:unknown-field 1:unknown-field 1:unknown-field 1:required 1:required', 'whats-new': '1:unknown-field 1:unknown-field 1:unknown-field 1:unknown-field 1:required 1:required 1:required 1:required 1:invalid'}),
    (b'? [a, b]\n: c\n',
     '1:yaml',
     {}),
    (b'- !!python/object:os.system echo\n',
     '1:yaml',
     {}),
    (b'- !ENV [X]\n',
     '1:yaml',
     {}),
    (b'- x: !!int abc\n',
     '0:yaml',
     {}),
    (b'- id: a\n  id: b\n',
     '2:duplicate-field 1:required 1:required 1:required 1:required 1:required 1:required',
     {'fees': '2:duplicate-field 1:required 1:required 1:required 1:required', 'hotlines': '2:duplicate-field 1:required 1:required 1:required', 'partners': '2:duplicate-field 1:required 1:required 1:required 1:required 1:required', 'service-points': '1:shape', 'journeys': '2:duplicate-field 1:required 1:required', 'whats-new': '2:duplicate-field 1:required 1:required 1:required 1:required 1:required'}),
    (b'---\n- a\n---\n- b\n',
     '3:yaml',
     {}),
    (b'- name: \x00',
     '0:yaml',
     {}),
]


@pytest.mark.parametrize("file", sorted(SCHEMAS))
@pytest.mark.parametrize("content, expected, differs", BROKEN_INPUTS, ids=range(len(BROKEN_INPUTS)))
def test_broken_input_gives_messages_never_a_traceback(tmp_path, file, content, expected, differs):
    stem = SCHEMAS[file].stem
    root = _root(tmp_path, {file: content})
    valid, problems = data_files.validate(root, SCHEMAS[file], LANGUAGES)  # must not raise
    assert valid == []
    assert " ".join(f"{p.line}:{p.rule.removeprefix(f'data/{stem}/')}" for p in problems) == differs.get(stem, expected)
    for p in problems:
        assert p.path == f"data/{file}" and p.rule.startswith(f"data/{stem}/")
        assert p.message and "Traceback" not in p.message


YAML_HINT = ("Periksa titik dua, tanda kutip, tanda `-` dan spasi di awal baris (pakai spasi, bukan tab) di baris ini "
             "atau baris sebelumnya.")


@pytest.mark.parametrize("content, message", [
    (b"- name: [unclosed\n  purpose: x\n",
     "data/hotlines.yml:2: GALAT [data/hotlines/yaml] File tidak bisa dibaca sebagai YAML: did not find expected ',' "
     f"or ']'. {YAML_HINT}"),  # LibYAML's words (the build reads data with its loader)
    (b"\xff\xfe not utf-8",
     "data/hotlines.yml:1: GALAT [data/hotlines/encoding] File ini bukan teks UTF-8 (ada huruf yang rusak di baris "
     "ini). Simpan ulang sebagai UTF-8, misalnya dari editor GitHub."),
    (b"42",
     "data/hotlines.yml:1: GALAT [data/hotlines/shape] Isinya harus daftar entri, masing-masing diawali `- ` (salin "
     "entri lain di file ini, mulai dari `- id:`). Daftar kosong ditulis `[]`."),
    (b"- !!python/object:os.system echo\n",
     "data/hotlines.yml:1: GALAT [data/hotlines/yaml] File tidak bisa dibaca sebagai YAML: could not determine a "
     f"constructor for the tag 'tag:yaml.org,2002:python/object:os.system'. {YAML_HINT}"),
    (b"- x: !!int abc\n",
     "data/hotlines.yml: GALAT [data/hotlines/yaml] Ada nilai yang tidak bisa dibaca (invalid literal for int() with "
     "base 10: 'abc'). Periksa angka dan tanda `!!` di file ini."),
    (b"- &a [*a]\n",
     "data/hotlines.yml:1: GALAT [data/hotlines/entry] Entri ke-1 harus berupa daftar `nama: nilai` (misalnya "
     "`name: ...` di baris-baris bawahnya), bukan [[[[[[[...]]]]]]]."),
    (b"- id: a\n  id: b\n",
     "data/hotlines.yml:2: GALAT [data/hotlines/duplicate-field] Entri `b`: kolom `id` ditulis dua kali. Hapus "
     "salah satunya."),
], ids=["yaml", "encoding", "shape", "python tag", "bad int", "recursive", "duplicate field"])
def test_broken_input_messages_are_plain_indonesian(tmp_path, content, message):
    _, problems = data_files.validate(_root(tmp_path, {"hotlines.yml": content}), SCHEMAS["hotlines.yml"], LANGUAGES)
    assert str(problems[0]) == message


@pytest.mark.parametrize("file", sorted(SCHEMAS))
def test_a_missing_file_is_reported(tmp_path, file):
    root = _root(tmp_path, {})
    valid, problems = data_files.validate(root, SCHEMAS[file], LANGUAGES)
    assert valid == [] and [p.rule for p in problems] == [f"data/{SCHEMAS[file].stem}/missing"]


def test_the_cli_reports_file_entry_and_line_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "service-points.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("kind: immigration-office\n") == 1
    path.write_text(text.replace("kind: immigration-office\n", "kind: imigrasi\n"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    kind: imigrasi") + 1
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs.py"), "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"data/service-points.yml:{line}: GALAT [data/service-points/invalid]" in result.stdout
    assert "`kantor-imigrasi-kotabumi`" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_broken_data_file_stops_the_strict_build_with_a_message(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "hotlines.yml").write_text("- name: [unclosed\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1/")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/hotlines.yml:2: GALAT [data/hotlines/yaml]" in output
    assert "Traceback" not in output
