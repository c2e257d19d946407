// Logs of a system of the user's own, against its trace spec: a wrong log fails the build naming the line and
// the false guard of the system's action; a malformed one names file, line and field; the good one matches.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: 2 of 3 runs do not match the spec:')
assert log.contains('skipped: DIVERGENCE at src/test/traces/skipped.ndjson:3')
assert log.contains('why: arm `e.event = "Move"` (TraceElevator.tla line 7): Move(2) is not enabled: `~open` (Elevator.tla line 9) is FALSE')
assert log.contains("malformed: bad input: src/test/traces/malformed.ndjson:2: field 'at': fractional number 1.5 has no TLA+ value")
assert log =~ /good\s+MATCH\s+5\s/
assert log.contains('BUILD FAILURE')

def out = new File(basedir, 'target/dsverify/replay')
assert out.list().sort() == ['good.json', 'malformed.json', 'skipped.json']
def slurper = new groovy.json.JsonSlurper()
def skipped = slurper.parse(new File(out, 'skipped.json'))
assert skipped.verdict == 'divergence'
assert skipped.firstUnmatchedLine == 3 && skipped.matchedEvents == 2
assert skipped.statesBefore[0].contains('open = TRUE')
assert slurper.parse(new File(out, 'good.json')).verdict == 'match'
return true
