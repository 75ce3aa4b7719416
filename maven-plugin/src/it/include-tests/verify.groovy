// includeTests=true: src/test/java is analysed as test code. Its Limit+Filter query (DDB-P006) is reported; its
// Scan is not, because DDB-P001 never reports test code. Main code is clean.
def log = new File(basedir, 'build.log').text
def file = 'src/test/java/it/OrdersTableDump.java'

assert log.contains("[INFO] ${file}:18:25: [DDB-P006] `dynamoDb.query(...)` sets Limit (1) and a FilterExpression")
assert log.contains('[INFO] ddb-lint: 1 finding (0 errors, 0 warnings, 1 info) in 2 files parsed of 2 discovered; 4 DynamoDB call sites')
assert !log.contains('[DDB-P001]')
assert log.contains('ddb-lint found 1 finding at INFO severity or above (failOnSeverity)')
assert log.contains('BUILD FAILURE')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ddb-lint/ddb-lint.sarif'))
def results = sarif.runs[0].results.collect { r ->
    [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]
}
assert results == [['DDB-P006', file, 18]]
return true
