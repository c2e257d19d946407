// A model in a subdirectory extends a module one level up: with <library> TLC finds it and the model's
// violation is found; without it the same model is a parse error naming the missing module.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: checking 2 models')
assert log.contains('2 models, 2 as expected, 0 not')
assert log.contains('BUILD SUCCESS')

def out = new File(basedir, 'target/dsverify')
def slurper = new groovy.json.JsonSlurper()
def index = slurper.parse(new File(out, 'index.json'))
def withLib = index.models.find { it.name == 'CounterOverflow' }
assert withLib.outcome == 'invariant_violation' && withLib.violated == 'TypeOK' && withLib.asExpected
assert slurper.parse(new File(out, withLib.file)).trace.size() == 5
def without = index.models.find { it.name == 'NoLibrary' }
assert without.outcome == 'parse_error' && without.asExpected
def message = slurper.parse(new File(out, without.file)).message
assert message.contains('Counter')
// The missing module is named with the EXTENDS line that wants it and the fix, in the report and the log.
assert message =~ /module Counter not found: EXTENDS Counter at .*CounterOverflow\.tla:\d+;/
assert message.contains('<library>')
assert log =~ /\[NoLibrary\] module Counter not found at .*CounterOverflow\.tla:\d+:\d+ \(as expected\)/
assert !log.contains(':0:0')
return true
