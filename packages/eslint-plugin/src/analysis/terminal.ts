// Calls that end the process (precision audit, bug 5): a path ending in `process.exit(1)` does not
// carry on, it fails loudly like a `throw`. `exit(0)` and `exit()` report success, so they stay quiet.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberPath, unwrap, type Node } from './ast.js';

function importsExit(node: Node): boolean {
  let program: Node = node;
  while (program.parent) program = program.parent;
  if (program.type !== T.Program) return false;
  const fromProcess = (source: Node | null | undefined): boolean =>
    !!source && source.type === T.Literal && /^(?:node:)?process$/.test(String(source.value));
  return program.body.some((statement) => {
    if (statement.type === T.ImportDeclaration) {
      return fromProcess(statement.source) && statement.specifiers.some((specifier) => specifier.type === T.ImportSpecifier && specifier.local.name === 'exit');
    }
    // const { exit } = require('node:process')
    return (
      statement.type === T.VariableDeclaration &&
      statement.declarations.some((declarator) => {
        const init = declarator.init ? unwrap(declarator.init) : null;
        return (
          declarator.id.type === T.ObjectPattern &&
          declarator.id.properties.some((property) => property.type === T.Property && property.value.type === T.Identifier && property.value.name === 'exit') &&
          init?.type === T.CallExpression && memberPath(init.callee) === 'require' && fromProcess(init.arguments[0])
        );
      })
    );
  });
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

/** Any call that ends the process (`process.exit()`, `Deno.exit(0)`, an imported `exit(1)`), whatever its code. */
export function isProcessExit(expression: Node): boolean {
  let current = unwrap(expression);
  if (current.type === T.AwaitExpression) current = unwrap(current.argument);
  if (current.type !== T.CallExpression) return false;
  const path = memberPath(current.callee);
  return path === 'process.exit' || path === 'Deno.exit' || (path === 'exit' && importsExit(current));
}

/** The block's last statement when it ends the process (`process.exit(1);`): a path that runs to the block's end ends there. */
export function closingProcessExit(block: TSESTree.BlockStatement): TSESTree.ExpressionStatement | null {
  const last = block.body[block.body.length - 1];
  return last?.type === T.ExpressionStatement && isProcessExit(last.expression) ? last : null;
}
