// A violated invariant: the build fails, the failure names the model and the invariant, and the reports
// carry the counterexample. The model that expects the violation passes.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: 1 of 2 models did not end as expected:')
assert log.contains('CounterBroken: invariant BelowThree violated (expected success)')
assert log.contains('[CounterBrokenKnown] invariant BelowThree violated (as expected)')
assert log.contains('BUILD FAILURE')
// The counterexample is in the log under the failing model, each step with what it changed.
assert log.contains('[ERROR] dsverify: [CounterBroken] counterexample (4 states, each step with what it changed):')
assert log.contains('State 4: Next (Counter.tla:')
assert log.contains('  * x: 2 → 3')
assert !log.contains('[CounterBrokenKnown] counterexample') : 'an expected violation is not printed'

def out = new File(basedir, 'target/dsverify')
def html = new File(out, 'report.html').text
assert html.contains('violates BelowThree')
assert html.contains('1 unexpected')

def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-dsverify.xml'))
assert junit.@failures == '1'
def failed = junit.testcase.find { it.@name == 'CounterBroken' }
assert failed.failure.@message.text().contains('invariant BelowThree violated')
assert failed.'system-out'.text().contains('x = 3')

def index = new groovy.json.JsonSlurper().parse(new File(out, 'index.json'))
def broken = index.models.find { it.name == 'CounterBroken' }
assert broken.outcome == 'invariant_violation' && broken.violated == 'BelowThree' && !broken.asExpected
def trace = new groovy.json.JsonSlurper().parse(new File(out, broken.file)).trace
assert trace.size() == 4
return true
