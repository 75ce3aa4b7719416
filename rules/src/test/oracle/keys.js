// Test-only oracle for KeySchemaOracleTest: reads one JSON line per check, {"kind": "key"|"item", "table": a
// DescribeTable-style description, "value": the key or item}, answers {"error": DynamoDB's ValidationException text or
// null} from dynalite's own key and item validation (the checks its GetItem/DeleteItem/UpdateItem/PutItem run).
const readline = require('readline');
const db = require('dynalite/db');
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let out;
  try {
    const data = JSON.parse(line);
    const err = data.kind === 'item' ? db.validateItem(data.value, data.table) : db.validateKey(data.value, data.table);
    out = { error: err ? String(err.body ? err.body.message : err.message) : null };
  } catch (e) {
    out = { error: 'ORACLE-CRASH ' + e.message };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
