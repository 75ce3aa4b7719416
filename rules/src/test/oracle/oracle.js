// Test-only oracle for ExpressionOracleTest: reads one request per line (the expression parameters of a DynamoDB
// request as JSON), answers one JSON line, {"error": DynamoDB's ValidationException text or null}, using dynalite's
// validation, which reproduces DynamoDB's expression grammar and messages.
//
// A line of the form {"Action": "Query" | "Scan" | "UpdateItem", "Table": <CreateTable parameters>, "Request": {...}}
// runs the request through dynalite's own request validation and the action's checks against that table (created
// once, in memory): key conditions against the key schema, consistent reads on indexes, updates of key attributes.
// UpdateItem stops before reading or writing the item: what follows depends on the stored data, not on the request.
// Answers keep the order of the lines.
const readline = require('readline');
const v = require('dynalite/validations');
const db = require('dynalite/db');
const EXPRESSIONS = ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression',
  'ConditionExpression', 'UpdateExpression'];
const store = db.create({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
const created = new Map();

function expressionsOnly(data) {
  // Names or values without an expression that could use them are rejected before any expression is parsed.
  const msg = v.validateExpressionParams(data, EXPRESSIONS, []) || v.validateExpressions(data);
  return msg == null ? null : String(msg);
}

function message(err) {
  if (err && err.body) return String(err.body.message || err.body.Message || err.body.__type);
  return err ? 'ORACLE-CRASH ' + (err.stack || err) : null;
}

function call(name, data) {
  const action = require('dynalite/actions/' + name);
  const validation = require('dynalite/validations/' + name);
  data = v.checkTypes(data, validation.types);
  v.checkValidations(data, validation.types, validation.custom, store);
  return new Promise((resolve, reject) => action(store, data, (err, out) => err ? reject(err) : resolve(out)));
}

// Each distinct table spec gets a table of its own name: specs for one name may differ (a schema derived per request).
async function table(spec) {
  const key = JSON.stringify(spec);
  if (!created.has(key)) {
    const own = Object.assign(JSON.parse(key), { TableName: 'oracle_' + created.size });
    created.set(key, (async () => {
      await call('createTable', own);
      // createTableMs 0: the table turns ACTIVE on the next timer tick.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return own.TableName;
    })());
  }
  return created.get(key);
}

function getTable(name) {
  return new Promise((resolve, reject) => store.getTable(name, false, (err, t) => err ? reject(err) : resolve(t)));
}

async function full(data) {
  let request;
  try {
    request = Object.assign({}, data.Request, { TableName: await table(data.Table) });
    if (data.Action === 'UpdateItem') {
      const validation = require('dynalite/validations/updateItem');
      const checked = v.checkTypes(request, validation.types);
      v.checkValidations(checked, validation.types, validation.custom, store);
      const t = await getTable(checked.TableName);
      const invalid = db.validateKey(checked.Key, t) || db.validateUpdates(checked.AttributeUpdates, checked._updates, t);
      return invalid ? message(invalid) : null;
    }
    await call(data.Action === 'Query' ? 'query' : 'scan', request);
    return null;
  } catch (e) {
    return message(e);
  }
}

let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  queue = queue.then(async () => {
    let out;
    try {
      const data = JSON.parse(line);
      out = { error: data.Action ? await full(data) : expressionsOnly(data) };
    } catch (e) {
      out = { error: 'ORACLE-CRASH ' + e.message };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  });
});
rl.on('close', () => {
  queue.then(() => process.exit(0));
});
