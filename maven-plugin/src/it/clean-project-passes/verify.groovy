// No finding: the build passes, and the SARIF report exists with an empty result list (code scanning then closes
// alerts that were fixed).
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] ddb-lint: 0 findings (0 errors, 0 warnings, 0 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert !log.contains('[DDB-')
assert log.contains('BUILD SUCCESS')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ddb-lint/ddb-lint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results == []
// No docBaseUrl configured: the rules carry their help text but no link.
assert sarif.runs[0].tool.driver.rules.every { it.help.text && !it.containsKey('helpUri') }
return true
