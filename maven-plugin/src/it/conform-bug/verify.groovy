// With the double-vote bug switched on, the code grants a vote the spec refuses: the build fails naming the step.
def log = new File(basedir, 'build.log').text
assert log.contains('FAILURE: the code takes the step differently')
assert log =~ /dsverify: the code takes the step differently at step \d+ of walk \d+: HandleRequestVoteRequest\(/
assert log.contains('BUILD FAILURE')
def r = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/dsverify/conform.json'))
assert r.verdict == 'failure'
assert r.failureKind == 'takes-step-differently'
assert r.bugs == 'double-vote'
assert r.fieldsDiffering.contains('messages')
return true
