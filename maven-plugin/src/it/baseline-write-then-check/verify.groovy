// ddb-lint:baseline then ddb-lint:check in one invocation, both with -Dddb-lint.baseline=config/ddb-lint-baseline.json:
// the baseline goal records both findings (the INFO one too), check accepts them and passes.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'

assert log.contains('--- ddb-lint-maven-plugin:0.1.0-SNAPSHOT:baseline (default-cli) @ baseline-write-then-check ---')
assert log.contains('[INFO] ddb-lint: wrote 2 findings to baseline config/ddb-lint-baseline.json')
assert log.contains('--- ddb-lint-maven-plugin:0.1.0-SNAPSHOT:check (default-cli) @ baseline-write-then-check ---')
assert log.indexOf(':baseline (default-cli)') < log.indexOf(':check (default-cli)')
assert !log.contains('[DDB-')
assert log.contains('[INFO] ddb-lint: 0 findings (0 errors, 0 warnings, 0 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert log.contains('[INFO] ddb-lint: 2 findings suppressed (0 in source, 2 by the baseline)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'ddb-lint-baseline.json').exists()

def json = new groovy.json.JsonSlurper()
def baseline = json.parse(new File(basedir, 'config/ddb-lint-baseline.json'))
assert baseline.tool == 'ddb-lint'
assert baseline.version == 1
assert baseline.findings.collect { [it.ruleId, it.path, it.member] } == [
        ['DDB-P001', file, 'it.OrderRepository#allOrders()'],
        ['DDB-P006', file, 'it.OrderRepository#openOrders(String)']]
assert baseline.findings.every { it.fingerprint ==~ /[0-9a-f]{32}/ }

def sarif = json.parse(new File(basedir, 'target/ddb-lint/ddb-lint.sarif'))
def results = sarif.runs[0].results.collect { r ->
    [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.partialFingerprints['ddbLint/v1'],
     r.suppressions.collect { s -> s.kind }]
}
assert results == [
        ['DDB-P001', 20, baseline.findings[0].fingerprint, ['external']],
        ['DDB-P006', 34, baseline.findings[1].fingerprint, ['external']]]
return true
