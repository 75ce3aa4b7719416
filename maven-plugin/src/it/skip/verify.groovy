// ddb-lint.skip=true: nothing analysed, nothing written, the build passes despite the Scan in the code.
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] ddb-lint: skipped (ddb-lint.skip)')
assert !log.contains('[DDB-')
assert !log.contains('findings (')
assert !new File(basedir, 'target/ddb-lint').exists()
assert log.contains('BUILD SUCCESS')
return true
