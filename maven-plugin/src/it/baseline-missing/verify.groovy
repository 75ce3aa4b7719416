// A baseline that does not exist is a build error before any analysis, naming the parameter and how to create it.
def log = new File(basedir, 'build.log').text
def missing = new File(basedir, 'no-such-baseline.json').canonicalPath

assert log.contains("on project baseline-missing: ddb-lint: baseline (ddb-lint.baseline): file does not exist: ${missing} (create it with mvn ddb-lint:baseline)")
assert !log.contains('[DDB-')
assert !new File(basedir, 'target/ddb-lint').exists()
assert log.contains('BUILD FAILURE')
return true
