// Each module is analysed with its own source roots and classpath, and reports under its own target/ddb-lint with
// URIs relative to the top-level project (the directory Maven ran in), so one checkout resolves every URI.
// ReportService scans through OrdersStore.client(), a type only the store module's jar on the service module's
// classpath describes. The parallel build (-T 2) must give exactly the same findings as the serial one.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

assert log.contains('ddb-lint: no Java sources in ' + basedir.name + ', nothing to check')
assert log.contains('[WARNING] store/src/main/java/it/store/Cleanup.java:13:25: [DDB-P001] `dynamoDb.scan(ScanRequest.builder().tableName("orders").build())` scans table \'orders\'')
assert log.contains('[WARNING] service/src/main/java/it/service/ReportService.java:18:31: [DDB-P001] `store.client().scan(r -> r.tableName("orders"))` scans table \'orders\'')
assert log.contains('[INFO] ddb-lint: reports: store/target/ddb-lint/ddb-lint.sarif')
assert log.contains('[INFO] ddb-lint: reports: service/target/ddb-lint/ddb-lint.sarif')
assert log.contains('BUILD SUCCESS')
if (basedir.name.endsWith('-parallel')) {
    assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
}

def findings = { module ->
    def sarif = new JsonSlurper().parse(new File(basedir, module + '/target/ddb-lint/ddb-lint.sarif'))
    assert sarif.version == '2.1.0'
    sarif.runs[0].results.collect { r ->
        [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]
    }
}
assert findings('store') == [['DDB-P001', 'store/src/main/java/it/store/Cleanup.java', 13]]
assert findings('service') == [['DDB-P001', 'service/src/main/java/it/service/ReportService.java', 18]]
assert !new File(basedir, 'target/ddb-lint').exists()
return true
