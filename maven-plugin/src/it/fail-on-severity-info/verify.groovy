// failOnSeverity=info (any case) counts the INFO finding too: 2 findings, more than maxAllowedViolations=1.
def log = new File(basedir, 'build.log').text
def file = 'src/main/java/it/OrderRepository.java'

assert log.contains("[WARNING] ${file}:20:25: [DDB-P001] ")
assert log.contains("[INFO] ${file}:34:25: [DDB-P006] ")
assert log.contains('ddb-lint found 2 findings at INFO severity or above (failOnSeverity), more than the 1 allowed (maxAllowedViolations); see the log above and target/ddb-lint')
assert log.contains('BUILD FAILURE')
return true
