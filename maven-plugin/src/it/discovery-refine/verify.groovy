// One <model> neither turns discovery off nor hides TLC's warnings.
def log = new File(basedir, 'build.log').text
// CounterBroken and Stale are configured; Counter and mutants/Warn are discovered; Stale is checked once.
assert log.contains('dsverify: checking 4 models')
assert log =~ /CounterBroken\s+ok\s+invariant_violation/
assert log =~ /\bCounter\s+ok\s+success/
assert log =~ /\bWarn\s+ok\s+success/
// The stale translation was brought up to date first: x now counts to 5 (7 distinct states, not 5).
assert log =~ /\bStale\s+ok\s+success\s+success\s+7\s+/
assert new File(basedir, 'src/main/tla/Stale.tla').text.contains('IF x < 5')
// Every warning is a [WARNING] line with TLC's message code.
assert log.contains('[WARNING] dsverify: [Warn] warning (TLC 2279): Declaring symmetry during liveness checking is dangerous')
assert log.contains('[WARNING] dsverify: [Warn] warning (TLC 2284): ')
assert log.contains('[WARNING] dsverify: [Warn] warning (TLC 2144): The EXCEPT was applied to non-existing fields')
assert log.contains("[WARNING] dsverify: [Warn] warning (SANY): Warning: the definition of 'Limit' conflicts with")
assert log.contains('[WARNING] dsverify: TLC printed 4 warnings for 1 model')

def out = new File(basedir, 'target/dsverify')
def index = new groovy.json.JsonSlurper().parse(new File(out, 'index.json'))
assert index.total == 4 && index.failed == 0
def warn = index.models.find { it.name == 'Warn' }
assert warn.warnings == 4
def result = new groovy.json.JsonSlurper().parse(new File(out, warn.file))
assert result.warnings*.code == [null, 2279, 2284, 2144]
assert new File(out, 'report.html').text.contains('Warnings from TLC')
def junit = new File(out, 'TEST-dsverify.xml').text
assert junit.contains('warning (TLC 2279)')
return true
