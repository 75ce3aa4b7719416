// The ddb-lint plugin jar alone (shaded) ran inside SpotBugs: one DDB_P001 at the unsuppressed Scan, in the XML and
// the SARIF report, nothing in test code or at the suppressed Scan, and spotbugs:check failed the build.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('DDB_P001')
// The sources were found (addSourceDirs): the core analyzer ran, not the bytecode fallback.
assert log.contains('ddb-lint: analysed ')
assert !log.contains('without sources')

def xml = new XmlSlurper().parse(new File(basedir, 'target/spotbugsXml.xml'))
def bugs = xml.BugInstance
assert bugs.size() == 1 : "expected one bug, got ${bugs.collect { it.@type.text() + '@' + it.SourceLine[0].@start.text() }}"
def bug = bugs[0]
assert bug.@type.text() == 'DDB_P001'
assert bug.@category.text() == 'DYNAMODB'
assert bug.@abbrev.text() == 'DDB'
assert bug.@priority.text() == '2'
assert bug.Class.@classname.text() == 'it.OrderRepository'
assert bug.Method.@name.text() == 'findAll'
assert bug.SourceLine.find { it.@start.text() == '16' }.size() == 1
assert bug.LongMessage.text().startsWith('DDB-P001 ScanInProductionCode: `client.scan(')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/spotbugsSarif.json'))
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'DDB_P001'
assert results[0].locations[0].physicalLocation.region.startLine == 16
assert results[0].locations[0].physicalLocation.artifactLocation.uri.endsWith('it/OrderRepository.java')
return true
