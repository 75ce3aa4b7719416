// Without configLocation each module looks for ddb-lint.yml in its own directory, then at the top level: app has
// none and gets the root file (DDB-P001 at ERROR); store's own file (DDB-P001 at INFO) wins over the root one.
def log = new File(basedir, 'build.log').text

assert log.contains("[ERROR] app/src/main/java/it/OrderRepository.java:20:25: [DDB-P001] `dynamoDb.scan(ScanRequest.builder().tableName(\"orders\").build())` scans table 'orders'")
assert log.contains("[INFO] store/src/main/java/it/OrderRepository.java:20:25: [DDB-P001] `dynamoDb.scan(ScanRequest.builder().tableName(\"orders\").build())` scans table 'orders'")
assert log.contains('[INFO] ddb-lint: 2 findings (1 error, 0 warnings, 1 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert log.contains('[INFO] ddb-lint: 2 findings (0 errors, 0 warnings, 2 info) in 1 file parsed of 1 discovered; 2 DynamoDB call sites')
assert log.contains('BUILD SUCCESS')
return true
