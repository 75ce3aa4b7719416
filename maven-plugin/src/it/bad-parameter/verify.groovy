// An unknown severity fails before any analysis, with a message that names the parameter and the valid values.
// The goal is called by prefix with the plugin declared in build/pluginManagement only.
def log = new File(basedir, 'build.log').text

assert log.contains('--- ddb-lint-maven-plugin:0.1.0-SNAPSHOT:check (default-cli) @ bad-parameter ---')
assert log.contains("ddb-lint: invalid parameter failOnSeverity (ddb-lint.failOnSeverity): unknown severity 'FATAL'; valid values: ERROR, WARNING, INFO")
assert !log.contains('[DDB-')
assert !new File(basedir, 'target/ddb-lint').exists()
assert log.contains('BUILD FAILURE')
return true
