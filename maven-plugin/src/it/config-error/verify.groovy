// A misspelt key in ddb-lint.yml stops the build before any analysis, with core's message as is: the file
// (relative to the project), the line, the key, where it is and a suggestion.
def log = new File(basedir, 'build.log').text

assert log.contains('--- ddb-lint-maven-plugin:0.1.0-SNAPSHOT:check (default-cli) @ config-error ---')
assert log.contains("on project config-error: ddb-lint.yml:3: unknown key 'serverity' in rules.DDB-P001 (did you mean 'severity'?)")
assert !log.contains('[DDB-')
assert !new File(basedir, 'target/ddb-lint').exists()
assert log.contains('BUILD FAILURE')
return true
