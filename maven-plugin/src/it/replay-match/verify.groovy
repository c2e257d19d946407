// A 3-node run (election, one client request, replication to both followers, commit, a heartbeat carrying the
// commit index) is a behaviour of the Raft spec, whether logged in one file or one file per node.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: replaying 2 runs against ')
assert log.contains('specs/raft/Raft.tla')
assert log =~ /run\s+verdict\s+events\s+time/
assert log =~ /commit\s+MATCH\s+21\s+\d+\.\d\d s/
assert log =~ /cluster\s+MATCH\s+21\s+\d+\.\d\d s/
assert log.contains('2 runs, 2 match, 0 not')
assert log.contains('BUILD SUCCESS')

def out = new File(basedir, 'target/dsverify/replay')
def names = out.list().sort()
assert names == ['cluster.json', 'commit.json'] : "unexpected files (a temporary file left behind?): $names"
def slurper = new groovy.json.JsonSlurper()
def single = slurper.parse(new File(out, 'commit.json'))
assert single.verdict == 'match'
assert single.files.size() == 1 && single.files[0].endsWith('commit.ndjson')
assert single.events == 21 && single.matchedEvents == 21
assert single.firstUnmatchedLine == null && single.reasons == []
assert single.coverage.AdvanceCommitIndex == 1 && single.coverage.HandleAppendEntriesRequest == 3

def merged = slurper.parse(new File(out, 'cluster.json'))
assert merged.verdict == 'match'
assert merged.files.size() == 3
assert merged.events == 21 && merged.matchedEvents == 21
assert merged.coverage == single.coverage
return true
