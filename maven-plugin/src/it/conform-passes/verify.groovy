// The Raft implementation follows four random walks of raft.quick.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: driving the Raft implementation along 4 walks of raft.quick')
assert log.contains('CONFORMS: the code followed 100 steps of 4 random walks of up to 25 steps (seed 3) of raft.quick')
assert log.contains('BUILD SUCCESS')
def out = new File(basedir, 'target/dsverify')
assert out.list().sort() == ['conform.json'] : "unexpected files: ${out.list()}"
def r = new groovy.json.JsonSlurper().parse(new File(out, 'conform.json'))
assert r.verdict == 'conforms'
assert r.failureKind == null
assert r.counts.steps == 100
assert r.coverage.actions.Timeout > 0
return true
