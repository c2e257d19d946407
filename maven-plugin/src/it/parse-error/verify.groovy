// A spec that does not parse: the build fails with a message naming the model, the file and the place.
def log = new File(basedir, 'build.log').text
assert log.contains('dsverify: 1 of 1 model did not end as expected:')
assert log =~ /Broken: spec could not be parsed at .*Broken.* \(expected success\)/
assert log.contains('BUILD FAILURE')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/dsverify/TEST-dsverify.xml'))
assert junit.@errors == '1'
assert junit.testcase[0].error.@type == 'parse_error'
return true
