// Both Scans are suppressed in the source (a // ddb-lint:ignore comment with a reason, an annotation by rule name):
// the build passes, the log counts them, and the SARIF report keeps them as suppressed results.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/ReportRepository.java'

assert !log.contains('[DDB-')
assert log.contains('[INFO] ddb-lint: 0 findings (0 errors, 0 warnings, 0 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert log.contains('[INFO] ddb-lint: 2 findings suppressed (2 in source, 0 by the baseline)')
assert log.contains('BUILD SUCCESS')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ddb-lint/ddb-lint.sarif'))
def results = sarif.runs[0].results.collect { r ->
    [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine,
     r.suppressions.collect { s -> [s.kind, s.justification] }]
}
assert results == [
        ['DDB-P001', file, 16, [['inSource', 'nightly export, off-peak']]],
        ['DDB-P001', file, 21, [['inSource', null]]]]
return true
