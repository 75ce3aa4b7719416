// Full coordinates, every format: each report is written and readable, and all agree on the findings.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'
def reports = new File(basedir, 'target/ddb-lint')

assert log.contains('--- ddb-lint-maven-plugin:0.1.0-SNAPSHOT:check (default-cli) @ all-formats ---')
assert log.contains('[INFO] ddb-lint: reports: target/ddb-lint/ddb-lint.sarif, target/ddb-lint/ddb-lint.json, '
        + 'target/ddb-lint/ddb-lint-checkstyle.xml, target/ddb-lint/ddb-lint.txt, target/ddb-lint/ddb-lint.html')
assert log.contains('BUILD SUCCESS')

// SARIF 2.1.0, as GitHub code scanning reads it: rule ids, repository-relative URIs, lines, rule metadata.
def sarif = new JsonSlurper().parse(new File(reports, 'ddb-lint.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'ddb-lint'
assert run.tool.driver.rules*.id.containsAll(['DDB-P001', 'DDB-P006'])
def results = run.results.collect { r ->
    def loc = r.locations[0].physicalLocation
    [r.ruleId, r.level, loc.artifactLocation.uri, loc.artifactLocation.uriBaseId, loc.region.startLine, loc.region.startColumn]
}
assert results == [['DDB-P001', 'warning', file, '%SRCROOT%', 20, 25], ['DDB-P006', 'note', file, '%SRCROOT%', 34, 25]]
assert run.results.every { it.partialFingerprints }
assert run.originalUriBaseIds['%SRCROOT%'].uri == basedir.toPath().toUri().toString()
// ddb-lint.docBaseUrl is set: every rule links to its page under it.
assert run.tool.driver.rules.every { it.helpUri == "https://docs.example.com/ddb-lint/rules/${it.id}" }

def json = new JsonSlurper().parse(new File(reports, 'ddb-lint.json'))
assert json.findings.collect { [it.ruleId, it.path, it.line] } == [['DDB-P001', file, 20], ['DDB-P006', file, 34]]
assert json.findings*.helpUri == ['https://docs.example.com/ddb-lint/rules/DDB-P001',
                                  'https://docs.example.com/ddb-lint/rules/DDB-P006']

// Checkstyle XML, parsed with the JDK (groovy-xml is not on the invoker's script classpath).
def dom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(reports, 'ddb-lint-checkstyle.xml'))
def nodes = dom.getElementsByTagName('error')
def errors = (0..<nodes.length).collect { i ->
    def e = nodes.item(i)
    [e.getAttribute('line'), e.getAttribute('column'), e.getAttribute('severity'), e.getAttribute('source')]
}
assert errors.size() == 2
assert errors.collect { it[0..2] } == [['20', '25', 'warning'], ['34', '25', 'info']]
assert errors.every { it[3].contains('DDB-P00') }

def text = new File(reports, 'ddb-lint.txt').text
assert text.contains("${file}:20:25: WARNING [DDB-P001] ")
assert text.contains("${file}:34:25: INFO [DDB-P006] ")
// The html inventory: one self-contained page (no script, no external resource) that lists both findings.
def html = new File(reports, 'ddb-lint.html').text
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('DynamoDB access-pattern inventory')
assert html.contains('DDB-P001') && html.contains('DDB-P006')
assert !html.contains('<script') && !html.contains('<link')
return true
