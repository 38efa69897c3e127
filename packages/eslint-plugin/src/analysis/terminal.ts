// Calls that end the process (precision audit, bug 5): a path ending in `process.exit(1)` does not
// carry on, it fails loudly like a `throw`. `exit(0)` and `exit()` report success, so they stay quiet.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { memberPath, unwrap, type Node } from './ast.js';

function importsExit(node: Node): boolean {
  let program: Node = node;
  while (program.parent) program = program.parent;
  if (program.type !== T.Program) return false;
  return program.body.some(
    (statement) =>
      statement.type === T.ImportDeclaration &&
      /^(?:node:)?process$/.test(String(statement.source.value)) &&
      statement.specifiers.some((specifier) => specifier.type === T.ImportSpecifier && specifier.local.name === 'exit'),
  );
}

/** `process.exit(1)`, `Deno.exit(code)`, `exit(1)` imported from `node:process`. */
export function isFailingExit(expression: Node): boolean {
  let current = unwrap(expression);
  if (current.type === T.AwaitExpression) current = unwrap(current.argument);
  if (current.type !== T.CallExpression) return false;
  const path = memberPath(current.callee);
  if (path !== 'process.exit' && path !== 'Deno.exit' && !(path === 'exit' && importsExit(current))) return false;
  const code = current.arguments[0] ? unwrap(current.arguments[0]) : null;
  return code !== null && !(code.type === T.Literal && code.value === 0);
}
