// A log with one field changed diverges at that line and fails the build, naming the line and why; a log
// missing a field fails it naming file, line and field. The other run is still replayed and matches.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: 2 of 3 runs do not match the spec:')
assert log.contains('tampered: DIVERGENCE at src/test/traces/tampered.ndjson:6')
assert log.contains('why: HandleRequestVoteRequest("n3", ')
assert log.contains('votedFor[n3]: expected (spec) "n2", logged "n1"')
assert log.contains("malformed: bad input: src/test/traces/malformed.ndjson:3: field 'msg.lastLogIndex'")
assert log =~ /good\s+MATCH\s+21\s/
assert log =~ /tampered\s+DIVERGENCE\s+5 of 21\s/
assert log =~ /malformed\s+BAD INPUT\s+-\s/
assert log.contains('3 runs, 1 match, 2 not')
assert log.contains('BUILD FAILURE')

def out = new File(basedir, 'target/dsverify/replay')
assert out.list().sort() == ['good.json', 'malformed.json', 'tampered.json']
def slurper = new groovy.json.JsonSlurper()
def tampered = slurper.parse(new File(out, 'tampered.json'))
assert tampered.verdict == 'divergence'
assert tampered.firstUnmatchedLine == 6 && tampered.matchedEvents == 5 && tampered.events == 21
assert tampered.file.endsWith('tampered.ndjson')
assert tampered.event.contains('"votedFor":"n1"')
assert tampered.reasons.any { it.contains('votedFor[n3]: expected (spec) "n2", logged "n1"') }
assert tampered.statesBefore.size() == 1 && tampered.statesBefore[0].contains('votedFor = [n1 |-> Nil, n2 |-> "n2", n3 |-> Nil]')

def malformed = slurper.parse(new File(out, 'malformed.json'))
assert malformed.verdict == 'error'
assert malformed.error.contains("malformed.ndjson:3: field 'msg.lastLogIndex'")

assert slurper.parse(new File(out, 'good.json')).verdict == 'match'
return true
