"""Valid HTML: the W3C Nu HTML checker (vnu-jar from npm, run with Debian's Java) reports no error on
one page of each type, in every language."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import LANGUAGES, ROOT, lang_prefix, require

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = Path(shutil.which("java") or "/usr/bin/java")
PAGE_TYPES = [
    "",                                            # home: tasks, hotline strip
    "prosedur/",                                   # section index
    "prosedur/m-paspor/",                          # procedure: glance, journey, notices, video
    "jalur-migrasi/tanda-perdagangan-orang/",      # content page in the second journey
    "lokasi-layanan/",                             # service directory
    "lokasi-layanan/nomor-penting/",               # hotlines
    "program-komunitas/agenda/",                   # agenda
    "program-komunitas/status-terjemahan/",        # translation status
    "alat/apa-yang-dibawa/",                       # self-help tool, first question
    "alat/apa-yang-dibawa/pmi/belum-ektp/",        # a tool's answer page
    "video/",                                      # videos with transcripts
    "glosarium/",                                  # glossary
    "404.html",                                    # not found
]


def test_no_html_errors_on_any_page_type_in_any_language(site):
    require(JAVA, "Java (apt-get install default-jre-headless)")
    require(VNU, "vnu-jar (npm ci)")
    files = []
    for lang in LANGUAGES:
        for page in PAGE_TYPES:
            path = site.dir / lang_prefix(lang) / page
            files.append(path / "index.html" if page.endswith("/") or page == "" else path)
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    result = subprocess.run([str(JAVA), "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].split(str(site.dir))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error"]
    assert errors == []
    assert result.returncode == 0
