// Test-only: InvalidTransactionOracleTest. Starts dynalite in memory on a free local port, creates the table given on
// the first stdin line ({"createTable": {...}, "transactWriteItems": {...}}), sends the transaction and prints one
// JSON line {"create": "<status> <body>", "transaction": "<status> <body>"}. Nothing leaves the machine.
const dynalite = require('dynalite');
const http = require('http');
const readline = require('readline');

const rl = readline.createInterface({ input: process.stdin });
rl.once('line', (line) => {
  const request = JSON.parse(line);
  const server = dynalite({ createTableMs: 0 });
  server.listen(0, '127.0.0.1', async () => {
    const port = server.address().port;
    const call = (target, body) => new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: {
        'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.' + target,
        'Authorization': 'AWS4-HMAC-SHA256 Credential=test/20261206/us-east-1/dynamodb/aws4_request, '
          + 'SignedHeaders=host, Signature=test',
        'X-Amz-Date': '20261206T000000Z' } }, (res) => {
        let out = '';
        res.on('data', (c) => { out += c; });
        res.on('end', () => resolve(res.statusCode + ' ' + out));
      });
      req.end(JSON.stringify(body));
    });
    const create = await call('CreateTable', request.createTable);
    const transaction = await call('TransactWriteItems', request.transactWriteItems);
    process.stdout.write(JSON.stringify({ create, transaction }) + '\n');
    server.close();
    rl.close();
  });
});
