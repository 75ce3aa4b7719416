// The check ran inside maven-checkstyle-plugin, by its short name: one DDB-P001 at findAll's Scan in
// checkstyle-result.xml (line and 1-based column), nothing at the suppressed Scan, and the build failed on it.
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('OrderRepository.java:16:23: DDB-P001 ScanInProductionCode: `client.scan(')

def result = new XmlSlurper().parse(new File(basedir, 'target/checkstyle-result.xml'))
def errors = result.file.error
assert errors.size() == 1 : "expected one violation, got ${errors.collect { it.@line.text() + ':' + it.@message.text() }}"
def error = errors[0]
assert error.parent().@name.text().endsWith('it/OrderRepository.java')
assert error.@line.text() == '16'
assert error.@column.text() == '23'
assert error.@severity.text() == 'warning'
assert error.@source.text() == 'io.ddblint.checkstyle.DdbLintCheck'
assert error.@message.text().startsWith('DDB-P001 ScanInProductionCode: `client.scan(b -> b.tableName("orders"))`')
return true
