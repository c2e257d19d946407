#!/usr/bin/env python3
"""Summarises a PIT run of the mutation profile for impl/MUTATION.md.

    scripts/mutation-report.py conformance/target/pit-reports/mutations.xml impl/mutation-verdicts.tsv

Every mutant the checkers did not catch (SURVIVED or NO_COVERAGE) needs a verdict: equivalent, out of reach or gap,
with the group that says why. Verdicts live in the TSV (class, method, line, mutator, description, verdict, group;
'*' matches anything), written by hand after reading each survivor. Lines move when the core is edited, so a
verdict matches the mutant of the same class, method, mutator and description on the nearest line (within 20;
within 2 for a row whose method is '*', which speaks only of mutants no run reaches).
Mutants with no verdict are listed last: classify them before publishing the numbers.
"""
import collections
import sys
import xml.etree.ElementTree as ET

CAUGHT = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}


def short(mutator):
    name = mutator.rsplit(".", 1)[-1]
    return name[:-len("Mutator")] if name.endswith("Mutator") else name


def load(xml):
    text = open(xml, encoding="utf-8").read()
    end = text.rfind("</mutation>")
    if not text.rstrip().endswith("</mutations>"):
        # PIT writes the report as it goes: a run still going (or killed) leaves it open
        print(f"warning: {xml} is incomplete (the run has not finished); counting its finished mutants",
              file=sys.stderr)
        text = text[:end + len("</mutation>")] + "\n</mutations>\n"
    out = []
    for m in ET.fromstring(text):
        cls = m.findtext("mutatedClass").rsplit(".", 1)[-1]
        out.append(dict(status=m.get("status"), cls=cls, method=m.findtext("mutatedMethod"),
                        line=int(m.findtext("lineNumber")), mutator=short(m.findtext("mutator")),
                        desc=m.findtext("description"), killer=m.findtext("killingTest") or ""))
    return out


def verdicts(tsv):
    rows = []
    for raw in open(tsv, encoding="utf-8"):
        if raw.startswith("#") or not raw.strip():
            continue
        cls, method, line, mutator, desc, verdict, group = raw.rstrip("\n").split("\t")
        rows.append(dict(cls=cls, method=method, line=int(line), mutator=mutator, desc=desc, verdict=verdict,
                         group=group))
    return rows


def fits(v, m):
    # a description may be kept without PIT's trailing "for <class>::<method>"
    return all(v[k] in ("*", m[k]) for k in ("cls", "method", "mutator")) and (
        v["desc"] == "*" or m["desc"] == v["desc"] or m["desc"].startswith(v["desc"] + " for "))


def classify(m, rows):
    best = None
    for v in rows:
        if v["method"] == "*" and m["status"] != "NO_COVERAGE":
            continue  # a verdict on unreached lines says nothing of a mutant some run reaches
        reach = 2 if v["method"] == "*" else 20
        if fits(v, m) and abs(v["line"] - m["line"]) <= reach:
            d = abs(v["line"] - m["line"]) + (0.5 if v["mutator"] == "*" else 0)
            if best is None or d < best[0]:
                best = (d, v)
    return best[1] if best else None


def killer(m):
    k = m["killer"]
    for name in ("CheckerSweepTest", "CheckersCatchEveryBugSwitchTest", "ConformanceSweepTest", "ExhaustiveTest",
                 "InjectedBugsTest"):
        if name in k:
            return name
    return "other" if k else "(time-out or memory)"


def main(xml, tsv):
    ms = load(xml)
    rows = verdicts(tsv)
    status = collections.Counter(m["status"] for m in ms)
    caught = [m for m in ms if m["status"] in CAUGHT]
    left = [m for m in ms if m["status"] not in CAUGHT]
    by = collections.defaultdict(list)
    unclassified = []
    for m in left:
        v = classify(m, rows)
        if v is None:
            unclassified.append(m)
        else:
            m["verdict"], m["group"] = v["verdict"], v["group"]
            by[(v["verdict"], v["group"])].append(m)
    n = len(ms)
    eq = sum(1 for m in left if m.get("verdict") == "equivalent")
    reach = sum(1 for m in left if m.get("verdict") == "out of reach")
    gap = sum(1 for m in left if m.get("verdict") == "gap")
    print("| Mutants | Caught (killed / time-out / memory) | Survived | No coverage | Equivalent | Out of reach | Gap "
          "| Unclassified | Caught of non-equivalent | Caught of reachable |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ne = n - eq
    rc = ne - reach
    print(f"| {n} | {len(caught)} ({status['KILLED']} / {status['TIMED_OUT']} / {status['MEMORY_ERROR']}) "
          f"| {status['SURVIVED']} | {status['NO_COVERAGE']} | {eq} | {reach} | {gap} | {len(unclassified)} "
          f"| {len(caught)}/{ne} = {100.0 * len(caught) / ne:.1f}% | {len(caught)}/{rc} = {100.0 * len(caught) / rc:.1f}% |")
    print()
    print("Caught, by the first checker that failed:")
    print()
    print("| Checker | Mutants |")
    print("|---|---:|")
    for k, c in collections.Counter(killer(m) for m in caught).most_common():
        print(f"| {k} | {c} |")
    print()
    print("| Group | Verdict | Survived | No coverage |")
    print("|---|---|---:|---:|")
    for (verdict, group), lst in sorted(by.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        s = sum(1 for m in lst if m["status"] == "SURVIVED")
        print(f"| {group} | {verdict} | {s} | {len(lst) - s} |")
    print()
    print("### Every surviving mutant")
    print()
    print("| Class | Line | Method | Mutator | Verdict | Group |")
    print("|---|---:|---|---|---|---|")
    for m in sorted((m for m in left if m["status"] == "SURVIVED" and "verdict" in m),
                    key=lambda m: (m["cls"], m["line"])):
        meth = m["method"].replace("<", "&lt;").replace(">", "&gt;")
        print(f"| {m['cls']} | {m['line']} | {meth} | {m['mutator']}: {m['desc']} | {m['verdict']} | {m['group']} |")
    print()
    print("### Mutants in code no run reaches (NO_COVERAGE), by class")
    print()
    print("| Class | Lines | Mutants | Group |")
    print("|---|---|---:|---|")
    nc = collections.defaultdict(list)
    for m in left:
        if m["status"] == "NO_COVERAGE" and "verdict" in m:
            nc[(m["cls"], m["group"])].append(m["line"])
    for (cls, group), lines in sorted(nc.items()):
        print(f"| {cls} | {', '.join(str(x) for x in sorted(set(lines)))} | {len(lines)} | {group} |")
    if unclassified:
        print()
        print("### Unclassified")
        print()
        for m in sorted(unclassified, key=lambda m: (m["cls"], m["line"])):
            print(f"{m['status']}\t{m['cls']}\t{m['method']}\t{m['line']}\t{m['mutator']}\t{m['desc']}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: mutation-report.py mutations.xml verdicts.tsv")
    main(sys.argv[1], sys.argv[2])
