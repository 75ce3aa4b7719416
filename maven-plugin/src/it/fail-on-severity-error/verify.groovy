// failOnSeverity=ERROR (set in the POM): the WARNING and INFO findings are logged but do not fail the build.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'

assert log.contains("[WARNING] ${file}:20:25: [DDB-P001] ")
assert log.contains("[INFO] ${file}:34:25: [DDB-P006] ")
assert log.contains('[INFO] ddb-lint: 2 findings (0 errors, 1 warning, 1 info)')
assert !log.contains('ddb-lint found')
assert !log.contains('failOnViolation=false')
assert log.contains('BUILD SUCCESS')
return true
