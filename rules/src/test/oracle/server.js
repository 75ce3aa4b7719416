// Test-only: dynalite (Apache-2.0, an implementation of DynamoDB) serving from memory on a free local port, for tests
// that need DynamoDB's answers at run time (MissingItemTest). Prints {"port": N} once listening; stops when its
// standard input closes, so the test that started it never leaves it behind.
const dynalite = require('dynalite');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
