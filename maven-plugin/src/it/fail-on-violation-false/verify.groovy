// failOnViolation=false, called by prefix (ddb-lint:check): the findings are logged and reported, the build passes.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'

assert log.contains('--- ddb-lint-maven-plugin:0.1.0-SNAPSHOT:check (default-cli) @ fail-on-violation-false ---')
assert log.contains("[WARNING] ${file}:20:25: [DDB-P001] ")
assert log.contains("[INFO] ${file}:34:25: [DDB-P006] ")
assert log.contains('[WARNING] ddb-lint: findings do not fail the build (failOnViolation=false)')
assert !log.contains('ddb-lint found')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/ddb-lint/ddb-lint.sarif').isFile()
return true
