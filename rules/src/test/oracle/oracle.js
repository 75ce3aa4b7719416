// Test-only oracle for ExpressionOracleTest: reads one request per line (the expression parameters of a DynamoDB
// request as JSON), answers one JSON line, {"error": DynamoDB's ValidationException text or null}, using dynalite's
// validation, which reproduces DynamoDB's expression grammar and messages.
const readline = require('readline');
const v = require('dynalite/validations');
const EXPRESSIONS = ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression',
  'ConditionExpression', 'UpdateExpression'];
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let out;
  try {
    const data = JSON.parse(line);
    // Names or values without an expression that could use them are rejected before any expression is parsed.
    const msg = v.validateExpressionParams(data, EXPRESSIONS, []) || v.validateExpressions(data);
    out = { error: msg == null ? null : String(msg) };
  } catch (e) {
    out = { error: 'ORACLE-CRASH ' + e.message };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
