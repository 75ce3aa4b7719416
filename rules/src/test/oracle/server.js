// Test-only DynamoDB for BatchLimitOracleTest: dynalite (Apache-2.0), in memory, on a free loopback port. Prints
// "port <n>" once listening, and stops when its standard input closes (the test ends, or its JVM dies).
const dynalite = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
dynalite.listen(0, '127.0.0.1', () => {
  process.stdout.write('port ' + dynalite.address().port + '\n');
});
process.stdin.on('end', () => dynalite.close(() => process.exit(0)));
process.stdin.resume();
