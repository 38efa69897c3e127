// The peer for bench/codemod: a jscodeshift transform doing comparable work — every catch clause
// and `.catch(() => …)` handler that does not pass its error to a call gets a binding and a
// `console.error(…, error)` before its exit. jscodeshift parses, walks and reprints with recast.
// With CATCHWISE_BENCH_PREFILTER=1 it first applies the codemod's own text prefilter (a reference row
// only: jscodeshift has no prefilter of its own, the measured peer runs without it).
const HANDLER_WORD = /\bcatch\b|\.\s*then\b/;
const prefilter = process.env.CATCHWISE_BENCH_PREFILTER === '1';

module.exports = function transform(file, api) {
  if (prefilter && !HANDLER_WORD.test(file.source)) return file.source;
  const j = api.jscodeshift;
  const root = j(file.source);
  let changed = false;

  const mentions = (body, name) =>
    j(body)
      .find(j.CallExpression)
      .filter((path) => path.node.arguments.some((arg) => arg.type === 'Identifier' && arg.name === name))
      .size() > 0 ||
    j(body).find(j.ThrowStatement).size() > 0;

  const logCall = (name) =>
    j.expressionStatement(
      j.callExpression(j.memberExpression(j.identifier('console'), j.identifier('error')), [j.stringLiteral('unexpected error'), j.identifier(name)]),
    );

  const addLog = (block, name) => {
    const statements = block.body;
    const last = statements[statements.length - 1];
    const exit = last && ['ReturnStatement', 'ContinueStatement', 'BreakStatement'].includes(last.type);
    statements.splice(exit ? statements.length - 1 : statements.length, 0, logCall(name));
    changed = true;
  };

  root.find(j.CatchClause).forEach((path) => {
    const clause = path.node;
    if (!clause.param) clause.param = j.identifier('error');
    if (clause.param.type !== 'Identifier') return;
    if (mentions(clause.body, clause.param.name)) return;
    addLog(clause.body, clause.param.name);
  });

  root
    .find(j.CallExpression, { callee: { property: { name: 'catch' } } })
    .forEach((path) => {
      const handler = path.node.arguments[0];
      if (!handler || handler.type !== 'ArrowFunctionExpression') return;
      if (handler.params.length === 0) handler.params.push(j.identifier('error'));
      const param = handler.params[0];
      if (param.type !== 'Identifier') return;
      if (handler.body.type !== 'BlockStatement') handler.body = j.blockStatement([j.returnStatement(handler.body)]);
      if (mentions(handler.body, param.name)) return;
      addLog(handler.body, param.name);
    });

  return changed ? root.toSource() : file.source;
};
module.exports.parser = 'ts';
