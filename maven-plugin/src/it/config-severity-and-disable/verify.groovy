// ddb-lint.yml beside the POM, found without configLocation: DDB-P006 is raised from INFO to ERROR, DDB-X001 is
// disabled (the constructor's @SuppressWarnings matches nothing and is not reported), and the Scan in
// it/migration (nonProductionPaths) is not production code, so it is left out like test code.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'

assert log.contains("[WARNING] ${file}:22:25: [DDB-P001] `dynamoDb.scan(ScanRequest.builder().tableName(\"orders\").build())` scans table 'orders'")
assert log.contains("[ERROR] ${file}:36:25: [DDB-P006] `dynamoDb.query(request)` sets Limit (20) and a FilterExpression")
assert log.contains('[INFO] ddb-lint: 2 findings (1 error, 1 warning, 0 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert log.contains('[INFO] ddb-lint:   DDB-P001 ScanInProductionCode: 1')
assert log.contains('[INFO] ddb-lint:   DDB-P006 LimitWithFilterExpression: 1')
assert !log.contains('DDB-X001')
assert !log.contains('Backfill')
assert !log.contains('suppressed (')
assert log.contains('ddb-lint found 2 findings at WARNING severity or above (failOnSeverity); see the log above and target/ddb-lint')
assert log.contains('BUILD FAILURE')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ddb-lint/ddb-lint.sarif'))
def results = sarif.runs[0].results.collect { r ->
    [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]
}
assert results == [['DDB-P001', 'warning', file, 22], ['DDB-P006', 'error', file, 36]]
return true
