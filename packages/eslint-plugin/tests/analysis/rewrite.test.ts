// The specific-then-fallback rewrite text and the logger it calls (DESIGN §5), on their own:
// each case parses a snippet, takes the handler, builds the edits and checks the resulting text.
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  CONSOLE_LOGGER,
  buildSpecificCatchRewrite,
  builtinKnownErrors,
  findHandlerFindings,
  findLoggerStyle,
  formatLogCall,
  freshBindingName,
  handlerFromCatchClause,
  hasCatchwiseFixme,
  importEdit,
  placeName,
} from '../../src/analysis/index.js';
import { ensureParents } from '../../src/analysis/handlers.js';
import type { AnalysisInput, HandlerFinding, HandlerPath, TextEdit } from '../../src/analysis/index.js';

function input(code: string, fileName = '/project/src/file.ts'): AnalysisInput {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, comment: true, tokens: true, filePath: fileName, sourceType: 'module' });
  const program = ast as unknown as TSESTree.Program;
  ensureParents(program);
  return { program, scopeManager: scopeManager!, sourceText: code, fileName };
}

function apply(text: string, edits: TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return out + text.slice(cursor);
}

function firstCatch(program: TSESTree.Program): TSESTree.CatchClause {
  let found: TSESTree.CatchClause | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === 'CatchClause') {
      found = node;
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
      }
    }
  };
  visit(program);
  if (!found) throw new Error('no catch clause');
  return found;
}

/** A finding built by hand: every path quiet, ending where `exits` say (the analysis is tested elsewhere). */
function quietFinding(clause: TSESTree.CatchClause, exits: HandlerPath['exit'][] = [{ kind: 'end', node: null }]): HandlerFinding {
  const paths: HandlerPath[] = exits.map((exit) => ({ label: 'quiet', exit }));
  return { ruleId: 'no-silent-catch', messageId: 'silent', data: {}, handler: handlerFromCatchClause(clause), paths, quietPaths: paths };
}

function rewriteAll(code: string, fileName?: string): { output: string; fixmes: (string | null)[] } {
  const parsed = input(code, fileName);
  const findings = findHandlerFindings(parsed);
  const edits: TextEdit[] = [];
  const fixmes: (string | null)[] = [];
  for (const finding of findings) {
    const rewrite = buildSpecificCatchRewrite(finding, parsed);
    edits.push(...rewrite.edits);
    fixmes.push(rewrite.fixme);
  }
  return { output: apply(code, edits), fixmes };
}

describe('findLoggerStyle', () => {
  const at = (code: string, fileName?: string) => {
    const parsed = input(code, fileName);
    return findLoggerStyle(parsed, firstCatch(parsed.program));
  };

  it('pino in scope: object-first', () => {
    const style = at(`import pino from 'pino';\nconst logger = pino();\ntry { f(); } catch {}`);
    expect(style).toMatchObject({ kind: 'pino', object: 'logger', order: 'object-first', source: 'in-scope' });
  });

  it('a child logger keeps its parent library', () => {
    const style = at(`import { pino } from 'pino';\nconst base = pino();\nconst log = base.child({ a: 1 });\ntry { f(); } catch {}`);
    expect(style).toMatchObject({ kind: 'pino', object: 'log', order: 'object-first' });
  });

  it("CommonJS: require('pino') and require('bunyan'), directly or through a variable; a declared require is not followed", () => {
    expect(at(`const pino = require('pino');\nconst logger = pino();\ntry { f(); } catch {}`, '/project/src/a.js')).toMatchObject({ kind: 'pino', object: 'logger', order: 'object-first' });
    expect(at(`const log = require('bunyan').createLogger({ name: 'x' });\ntry { f(); } catch {}`, '/project/src/a.js')).toMatchObject({ kind: 'bunyan', object: 'log' });
    expect(at(`const require = (m) => m;\nconst logger = require('pino')();\ntry { f(); } catch {}`, '/project/src/a.js')).toBe(CONSOLE_LOGGER);
  });

  it('a logger the file calls category first (log.warn("db", msg)) gets its category; a message-first one does not', () => {
    const file = (body: string) => `const { log } = require('./util');\n${body}\nfunction g() {\n  try { f(); } catch {}\n}\n`;
    const category = at(file(`log.info('db', 'opened');\nlog.warn('db', \`slow: \${ms}\`);\nlog.debug('cache', 'hit ' + key);`), '/project/src/a.js');
    expect(category).toMatchObject({ kind: 'custom', object: 'log', category: "'db'" });
    expect(formatLogCall(category, 'error', 'e', "'g: unexpected error'")).toBe("log.error('db', 'g: unexpected error', e);".slice(0, -1));
    // An error's message is text too: `log.warn('timezone', e.message)` puts a category first.
    expect(at(file(`log.warn('timezone', e.message);\nlog.warn('auth', error.message);`), '/project/src/a.js').category).toBe("'timezone'");
    // One category-shaped call is not a habit; messages with spaces outnumber it.
    const message = at(file(`log.info('Server started', port);\nlog.warn('Retrying', 'in 5s');\nlog.error('Could not connect', err);`), '/project/src/a.js');
    expect(message.category).toBeUndefined();
    // The innermost function that uses a category decides.
    const nearest = at(`const { log } = require('./util');\nlog.info('db', 'a');\nlog.info('db', 'b');\nfunction g() {\n  log.info('cache', 'c');\n  try { f(); } catch {}\n}\n`, '/project/src/a.js');
    expect(nearest.category).toBe("'cache'");
    // No category in the function or class and none used by half the file: the function's own name.
    const spread = `const { log } = require('./util');\nlog.info('db', 'a');\nlog.info('db', 'b');\nlog.info('cache', 'c');\nlog.info('cache', 'd');\nlog.info('http', 'e');\n`;
    expect(at(`${spread}class Server {\n  sync() {\n    try { f(); } catch {}\n  }\n}\n`, '/project/src/a.js').category).toBe("'sync'");
    expect(at(`${spread}class Server {\n  start() { log.info('server', 'up'); }\n  sync() {\n    try { f(); } catch {}\n  }\n}\n`, '/project/src/a.js').category).toBe("'server'");
  });

  it('winston and bunyan loggers', () => {
    expect(at(`import winston from 'winston';\nconst logger = winston.createLogger({});\ntry { f(); } catch {}`)).toMatchObject({ kind: 'winston', order: 'message-first' });
    expect(at(`import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'x' });\ntry { f(); } catch {}`)).toMatchObject({ kind: 'bunyan', order: 'object-first' });
  });

  it("NestJS: the class's own logger, else the static Logger", () => {
    const member = at(`import { Logger } from '@nestjs/common';\nclass A {\n  private readonly logger = new Logger(A.name);\n  m() { try { f(); } catch {} }\n}`);
    expect(member).toMatchObject({ kind: 'nest', object: 'this.logger', order: 'message-first', source: 'class-member' });
    const fromConstructor = at(`import { Logger } from '@nestjs/common';\nclass A {\n  constructor(private readonly logger: Logger) {}\n  m() { try { f(); } catch {} }\n}`);
    expect(fromConstructor).toMatchObject({ kind: 'nest', object: 'this.logger' });
    const outsideMethod = at(`import { Logger } from '@nestjs/common';\nexport function g() { try { f(); } catch {} }`);
    expect(outsideMethod).toMatchObject({ kind: 'nest', object: 'Logger', source: 'imported' });
  });

  it('`this.logger` is not used where `this` is not the class (a nested function)', () => {
    const style = at(`class A {\n  private logger = console;\n  m() { return function () { try { f(); } catch {} }; }\n}`);
    expect(style.object).toBe('console');
  });

  it('debug: expected errors to debug, the fallback to console.error', () => {
    const style = at(`import createDebug from 'debug';\nconst trace = createDebug('app');\ntry { f(); } catch {}`);
    expect(style).toMatchObject({ kind: 'debug', object: 'trace' });
    expect(formatLogCall(style, 'warn', 'e', "'m'")).toBe("trace('m', e)");
    expect(formatLogCall(style, 'error', 'e', "'m'")).toBe("console.error('m', e)");
  });

  it("a logger from a local module: the resolver's library, else the file's own calls", () => {
    const code = `import { logger } from './logger.js';\ntry { f(); } catch {}`;
    const parsed = input(code);
    const clause = firstCatch(parsed.program);
    expect(findLoggerStyle(parsed, clause, null, () => 'pino')).toMatchObject({ kind: 'pino', order: 'object-first' });
    expect(findLoggerStyle(parsed, clause, null, () => null)).toMatchObject({ kind: 'custom', order: 'message-first' });
    const used = input(`import { logger } from './logger.js';\nlogger.info({ a: 1 }, 'x');\ntry { f(); } catch {}`);
    expect(findLoggerStyle(used, firstCatch(used.program))).toMatchObject({ object: 'logger', order: 'object-first' });
  });

  it('the configured logger, with the import to add; else console', () => {
    const parsed = input(`try { f(); } catch {}`);
    const clause = firstCatch(parsed.program);
    expect(findLoggerStyle(parsed, clause)).toMatchObject({ kind: 'console', object: 'console', source: 'default' });
    const configured = findLoggerStyle(parsed, clause, { name: 'log', style: 'object-first', import: { from: '#lib/log' } });
    expect(configured).toMatchObject({ object: 'log', order: 'object-first', source: 'configured', addImport: { from: '#lib/log', kind: 'named', name: 'log' } });
  });

  it('a logger reached through a value in scope (`req.log`), in the order the file calls it', () => {
    const style = at(`export function handle(req: { log: { error(o: object, m: string): void; info(o: object, m: string): void } }) {\n  req.log.info({ a: 1 }, 'start');\n  try { f(); } catch {}\n}`);
    expect(style).toMatchObject({ object: 'req.log', order: 'object-first' });
  });

  it('a local variable named log that is not a logger is ignored', () => {
    expect(at(`const log = [];\ntry { f(); } catch {}`).object).toBe('console');
  });
});

describe('formatLogCall', () => {
  const pino = { kind: 'pino', object: 'logger', order: 'object-first', source: 'in-scope', addImport: null, errorFallback: null } as const;
  it('object-first and message-first, with the err shorthand', () => {
    expect(formatLogCall(pino, 'error', 'error', "'m'")).toBe("logger.error({ err: error }, 'm')");
    expect(formatLogCall(pino, 'warn', 'err', "'m'")).toBe("logger.warn({ err }, 'm')");
    expect(formatLogCall({ ...pino, order: 'message-first', object: 'console' }, 'error', 'e', "'m'")).toBe("console.error('m', e)");
  });
});

describe('buildSpecificCatchRewrite', () => {
  it('the DESIGN example: pg DatabaseError first, then the fallback at error, pino style', () => {
    const code = [
      "import pg from 'pg';",
      "import { pino } from 'pino';",
      'const { DatabaseError } = pg;',
      'const logger = pino();',
      'class PostgresClient {',
      '  pool = new pg.Pool();',
      '  async close(): Promise<void> {',
      '    try {',
      '      await this.pool.end();',
      '    } catch {}',
      '  }',
      '}',
      '',
    ].join('\n');
    const parsed = input(code);
    const rewrite = buildSpecificCatchRewrite(quietFinding(firstCatch(parsed.program)), parsed);
    expect(rewrite.fixme).toBeNull();
    expect(rewrite.errorTypes).toEqual([{ name: 'DatabaseError', evidence: 'catalog', detail: expect.stringContaining('catalog pg') }]);
    expect(apply(code, rewrite.edits)).toContain(
      [
        '    } catch (error) {',
        '      if (error instanceof DatabaseError) {',
        "        logger.warn({ err: error }, 'PostgresClient.close: pool.end() failed');",
        '      } else {',
        "        logger.error({ err: error }, 'PostgresClient.close: unexpected error from pool.end()');",
        '      }',
        '    }',
      ].join('\n'),
    );
  });

  it('keeps `return 0` after the log, and JSON.parse names SyntaxError', () => {
    const code = 'export function seconds(raw: string): number {\n  try {\n    return Number(JSON.parse(raw));\n  } catch {\n    return 0;\n  }\n}\n';
    const parsed = input(code);
    const clause = firstCatch(parsed.program);
    const exit = clause.body.body[0]!;
    const out = apply(code, buildSpecificCatchRewrite(quietFinding(clause, [{ kind: 'return', node: exit }]), parsed).edits);
    expect(out).toBe(
      'export function seconds(raw: string): number {\n  try {\n    return Number(JSON.parse(raw));\n  } catch (error) {\n' +
        "    if (error instanceof SyntaxError) {\n      console.warn('seconds: JSON.parse() failed', error);\n    } else {\n      console.error('seconds: unexpected error from JSON.parse()', error);\n    }\n" +
        '    return 0;\n  }\n}\n',
    );
  });

  it("uses the file's EOL, indentation and quotes", () => {
    const code = 'import { x } from "x";\r\nexport function f() {\r\n\ttry {\r\n\t\tx();\r\n\t} catch {\r\n\t}\r\n}\r\n';
    const parsed = input(code);
    const out = apply(code, buildSpecificCatchRewrite(quietFinding(firstCatch(parsed.program)), parsed).edits);
    expect(out).toBe('import { x } from "x";\r\nexport function f() {\r\n\ttry {\r\n\t\tx();\r\n\t} catch (error) {\r\n\t\tconsole.error("f: unexpected error from x()", error);\r\n\t}\r\n}\r\n');
  });

  it('adds a binding that shadows nothing', () => {
    const code = 'export function f(error: string, err: string) {\n  try {\n    g(error + err);\n  } catch {}\n}\n';
    const parsed = input(code);
    const clause = firstCatch(parsed.program);
    expect(freshBindingName(parsed, clause)).toBe('caughtError');
    expect(apply(code, buildSpecificCatchRewrite(quietFinding(clause), parsed).edits)).toContain('} catch (caughtError) {\n    console.error(\'f: unexpected error from g()\', caughtError);\n  }');
  });

  it('a destructured binding gets one FIXME comment, and is recognised on the next run', () => {
    const code = 'export function f() {\n  try {\n    g();\n  } catch ({ message }) {\n    h(message);\n  }\n}\n';
    const parsed = input(code);
    const finding = quietFinding(firstCatch(parsed.program));
    const rewrite = buildSpecificCatchRewrite(finding, parsed);
    expect(rewrite.fixme).toMatch(/destructured/);
    const out = apply(code, rewrite.edits);
    expect(out).toContain('  } catch ({ message }) {\n    // FIXME(catchwise): the catch binding is destructured');
    const again = input(out);
    expect(hasCatchwiseFixme(quietFinding(firstCatch(again.program)), again)).toBe(true);
  });

  it('promise handlers keep their shape; TS gets `error: unknown`, JS a bare name', () => {
    expect(rewriteAll('export function f(p: Promise<void>) {\n  p.catch(() => {});\n}\n').output).toBe(
      "export function f(p: Promise<void>) {\n  p.catch((error: unknown) => {\n    console.error('f: unexpected error', error);\n  });\n}\n",
    );
    expect(rewriteAll('export function f(load) {\n  return load().catch(() => null);\n}\n', '/project/src/f.js').output).toBe(
      "export function f(load) {\n  return load().catch((error) => {\n    console.error('f: unexpected error from load()', error);\n    return null;\n  });\n}\n",
    );
  });

  it('a log that drops the error gets the object in its own style instead of a second log', () => {
    const code = "import { pino } from 'pino';\nconst logger = pino();\nexport async function f(c: { go(): Promise<void> }) {\n  try {\n    await c.go();\n  } catch (e) {\n    logger.warn(`failed: ${String(e)}`);\n  }\n}\n";
    expect(rewriteAll(code).output).toContain('    logger.warn({ err: e }, `failed: ${String(e)}`);\n  }');
  });
});

describe('error knowledge and imports', () => {
  it('pg through its default import, kafkajs by name, nothing without the import', () => {
    const pgFile = input("import pg from 'pg';\nconst pool = new pg.Pool();\nasync function f() { try { await pool.query('x'); } catch {} }");
    const clause = firstCatch(pgFile.program);
    const handler = handlerFromCatchClause(clause);
    const calls = [((clause.parent as TSESTree.TryStatement).block.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.AwaitExpression].map(
      (expression) => expression.argument as TSESTree.CallExpression,
    );
    const known = builtinKnownErrors({ input: pgFile, handler, calls, scope: pgFile.scopeManager.globalScope });
    expect(known.map((error) => error.guard('e'))).toEqual(['e instanceof pg.DatabaseError']);

    const kafkaFile = input("import { Kafka } from 'kafkajs';\nconst producer = new Kafka({ brokers: [] }).producer();\nasync function f() { try { await producer.send({ topic: 't', messages: [] }); } catch {} }");
    const kafkaClause = firstCatch(kafkaFile.program);
    const kafkaCalls = [((kafkaClause.parent as TSESTree.TryStatement).block.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.AwaitExpression].map(
      (expression) => expression.argument as TSESTree.CallExpression,
    );
    const kafka = builtinKnownErrors({ input: kafkaFile, handler: handlerFromCatchClause(kafkaClause), calls: kafkaCalls, scope: kafkaFile.scopeManager.globalScope });
    expect(kafka.map((error) => error.guard('e'))).toEqual(["e instanceof Error && e.name.startsWith('KafkaJS')"]);

    const plain = input('async function f(pool: { query(): Promise<void> }) { try { await pool.query(); } catch {} }');
    const plainClause = firstCatch(plain.program);
    const plainCalls = [((plainClause.parent as TSESTree.TryStatement).block.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.AwaitExpression].map(
      (expression) => expression.argument as TSESTree.CallExpression,
    );
    expect(builtinKnownErrors({ input: plain, handler: handlerFromCatchClause(plainClause), calls: plainCalls, scope: plain.scopeManager.globalScope })).toEqual([]);
  });

  it('an import is added to an existing declaration, or as a new one after the last import', () => {
    const code = "import { a } from './log.js';\nimport b from 'b';\n";
    const parsed = input(code);
    expect(apply(code, [importEdit(parsed, { from: './log.js', kind: 'named', name: 'logger' })])).toBe("import { a, logger } from './log.js';\nimport b from 'b';\n");
    expect(apply(code, [importEdit(parsed, { from: '#log', kind: 'default', name: 'log' })])).toBe("import { a } from './log.js';\nimport b from 'b';\nimport log from '#log';\n");
  });

  it('names the place: Class.method, function, variable, else the file', () => {
    const parsed = input('class Repo { save() { try { f(); } catch {} } }');
    expect(placeName(firstCatch(parsed.program), parsed.fileName)).toBe('Repo.save');
    const arrow = input('const load = async () => { try { f(); } catch {} };');
    expect(placeName(firstCatch(arrow.program), arrow.fileName)).toBe('load');
    const top = input('try { f(); } catch {}', '/project/src/boot.ts');
    expect(placeName(firstCatch(top.program), top.fileName)).toBe('boot');
  });
});

describe('the failing call a message names (failing-call.ts)', () => {
  const named = (body: string, fileName?: string): string => {
    const match = /unexpected error from ([^']+)\(\)'/.exec(rewriteAll(`export async function f(buf, x, dir, rows, knex, db) {\n  try {\n    ${body}\n  } catch {}\n}\n`, fileName).output);
    return match ? match[1]! : '(none)';
  };

  it("a chain's receiver call before the call on its result: chroma(x).hex() names chroma()", () => {
    expect(named('return chroma(`hsl(${x}, 90%, 40%)`).hex();')).toBe('chroma');
    expect(named('return (await brotliDecompress(Buffer.from(buf, "base64"))).toString("utf8");')).toBe('brotliDecompress');
  });

  it('pure helpers are passed over for the call that does I/O', () => {
    expect(named('await upload(path.join("./extra", dir), x);')).toBe('upload');
    expect(named('let d = path.join("./x", dir);\n    await client.send(d);')).toBe('client.send');
    expect(named('return x.trim().split(",").map((s) => load(s));')).toBe('x.trim'); // only pure helpers: the first
  });

  it('the awaited operation before the bookkeeping around it; within an await, subject order', () => {
    expect(named('toggle(false);\n    await onCreate(x);\n    close();')).toBe('onCreate');
    expect(named('track(x);\n    const { data } = await client.post(dir, x);\n    render(data);')).toBe('client.post');
    expect(named('return await ky.post(dir, x).json();')).toBe('ky.post');
    expect(named('return format(await load(x));')).toBe('load');
    expect(named('validate(x);\n    save(x);')).toBe('validate'); // nothing awaited: the first call
  });

  it('a selector at the head of a chain (literal arguments only) is passed over for the call that acts', () => {
    expect(named("await knex('groups').insert(rows);")).toBe('insert');
    expect(named("return await db.collection('jobs').findOne({ id: x });")).toBe('findOne');
    expect(named('await knex(T.GROUP_ROLE).insert(rows).onConflict(["id"]).merge();')).toBe('insert');
    expect(named('await db(TABLE).update({ x }).where({ id: x });')).toBe('update');
    // A variable argument is not a constant: the head call may do the work.
    expect(named('return await fetchAll(dir).filter(Boolean);')).toBe('fetchAll');
  });

  it('the call the error knowledge expects errors from comes first, in both messages', () => {
    const out = rewriteAll('export async function f(hooks: { reroute(u: URL): Promise<string> }, raw: string) {\n  try {\n    return await hooks.reroute(new URL(raw));\n  } catch {\n    return null;\n  }\n}\n').output;
    expect(out).toContain("console.warn('f: new URL() failed', error);");
    expect(out).toContain("console.error('f: unexpected error from new URL()', error);");
  });

  it('among calls alike, the first in the try block', () => {
    expect(named('const a = await load(x);\n    await save(a);')).toBe('load');
    expect(named('await repo.save(build(x));')).toBe('repo.save');
  });
});
