// The WARNING finding fails the build; the INFO finding is logged at INFO and does not count.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'

assert log.contains("[WARNING] ${file}:20:25: [DDB-P001] `dynamoDb.scan(ScanRequest.builder().tableName(\"orders\").build())` scans table 'orders'")
assert log.contains("[INFO] ${file}:34:25: [DDB-P006] `dynamoDb.query(request)` sets Limit (20) and a FilterExpression")
assert log.contains('[INFO] ddb-lint: 2 findings (0 errors, 1 warning, 1 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert log.contains('[INFO] ddb-lint:   DDB-P001 ScanInProductionCode: 1')
assert log.contains('[INFO] ddb-lint:   DDB-P006 LimitWithFilterExpression: 1')
assert log.contains('[INFO] ddb-lint: reports: target/ddb-lint/ddb-lint.sarif')
assert log.contains('ddb-lint found 1 finding at WARNING severity or above (failOnSeverity); see the log above and target/ddb-lint')
assert log.contains('BUILD FAILURE')

// The default format is SARIF only, and it holds both findings.
def reports = new File(basedir, 'target/ddb-lint')
assert reports.list().sort() == ['ddb-lint.sarif']
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'ddb-lint.sarif'))
def results = sarif.runs[0].results.collect { r ->
    [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]
}
assert results == [['DDB-P001', file, 20], ['DDB-P006', file, 34]]
return true
