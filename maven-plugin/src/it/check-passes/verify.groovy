// A spec that holds: the build succeeds, prints the summary table and writes every report.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: checking 1 model')
assert log =~ /Counter\s+ok\s+success\s+success\s+4\s+/
assert log.contains('1 model, 1 as expected, 0 not')
assert !log.contains('Helpers') : 'a module without a cfg is not a model'

def out = new File(basedir, 'target/dsverify')
def index = new groovy.json.JsonSlurper().parse(new File(out, 'index.json'))
assert index.schema == 1
assert index.total == 1 && index.failed == 0
assert index.models[0].name == 'Counter'
assert index.models[0].outcome == 'success'
assert index.models[0].stats.distinctStates == 4
def result = new groovy.json.JsonSlurper().parse(new File(out, index.models[0].file))
assert result.outcome == 'success'

def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-dsverify.xml'))
assert junit.@tests == '1' && junit.@failures == '0' && junit.@errors == '0'
assert junit.testcase[0].@name == 'Counter'

def html = new File(out, 'report.html').text
assert html.contains('all as expected')
return true
