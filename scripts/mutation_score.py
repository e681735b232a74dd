"""The mutation score per module after `bash scripts/dev.sh mutation`, run inside the mutation copy:
killed / (killed + survived + reached by no test), from mutmut's results (mutants/src/**/*.py.meta).

    python mutation_score.py [MUTANT-NAME-GLOB ...]
"""

from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code

KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def main(patterns: list[str]) -> None:
    print(f"{'module':36} {'killed':>7} {'survived':>8} {'no test':>8} {'score':>7}")
    for meta in sorted(Path("mutants/src").rglob("*.py.meta")):
        module = meta.relative_to("mutants/src").as_posix().removesuffix(".py.meta").replace("/", ".")
        statuses = [status_by_exit_code[code] for key, code in json.loads(meta.read_text())["exit_code_by_key"].items()
                    if any(fnmatch.fnmatch(key, p) for p in patterns)]
        if not statuses:
            continue
        killed = sum(s in KILLED for s in statuses)
        survived = statuses.count("survived")
        untested = statuses.count("no tests")
        counted = killed + survived + untested
        print(f"{module:36} {killed:7} {survived:8} {untested:8} {100 * killed / max(counted, 1):6.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:] or ["*"])
