// The transform reads the rules' own options (one truth): the loggers the rules are configured with
// are the loggers the rewrite recognises in scope.
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/index.js';

const fileName = '/project/src/audit.ts';

const withAudit = `import { audit } from './audit-trail.js';

export async function close(pool: { end(): Promise<void> }): Promise<void> {
  try {
    await pool.end();
  } catch {}
}
`;

const withTelemetryMember = `export class Store {
  constructor(private readonly telemetry: { error(message: string, error: unknown): void; warn(message: string, error: unknown): void }) {}

  async close(pool: { end(): Promise<void> }): Promise<void> {
    try {
      await pool.end();
    } catch {}
  }
}
`;

describe('specific-catch: the rules’ `loggers` option', () => {
  it('calls a configured logger in scope instead of console', () => {
    const configured = transformSource(withAudit, { fileName, analysis: { loggers: ['audit'] } });
    expect(configured.output).toContain("    audit.error('close: unexpected error from pool.end()', error);\n");
    expect(configured.output).not.toContain('console.');
    expect(configured.rewritten).toBe(1);
  });

  it('without the option the same file falls back to console', () => {
    const plain = transformSource(withAudit, { fileName });
    expect(plain.output).toContain("    console.error('close: unexpected error from pool.end()', error);\n");
  });

  it('finds a configured class member, matched by its member path', () => {
    const result = transformSource(withTelemetryMember, { fileName, analysis: { loggers: ['this.telemetry'] } });
    expect(result.output).toContain("      this.telemetry.error('Store.close: unexpected error from pool.end()', error);\n");
    expect(transformSource(withTelemetryMember, { fileName, analysis: { loggers: ['**.telemetry'] } }).output).toBe(result.output);
  });

  it('ignores a configured logger whose `error` method the rules do not count as an error log', () => {
    const result = transformSource(withAudit, { fileName, analysis: { loggers: [{ name: 'audit', methods: { error: 'info' } }] } });
    expect(result.output).toContain("console.error('close: unexpected error from pool.end()', error);");
    expect(result.output).not.toContain('audit.error(');
  });

  it('a configured logger is itself loud: the rewrite is not reported again', () => {
    const result = transformSource(withAudit, { fileName, analysis: { loggers: ['audit'] }, recheck: true });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'still-reported')).toEqual([]);
    expect(transformSource(result.output, { fileName, analysis: { loggers: ['audit'] } }).output).toBe(result.output);
  });
});

describe('specific-catch: the configured logger (`--logger`, config `logger`) and its import', () => {
  const logger = { name: 'logger', style: 'object-first' as const, import: { from: './log.js', kind: 'named' as const } };
  const handler = `async function close(pool) {
  try {
    await pool.end();
  } catch {}
}
`;

  it('adds `import` to an ES module, after its imports', () => {
    const result = transformSource(`import { x } from './x.js';\n\nexport ${handler}`, { fileName: '/project/src/a.mjs', logger });
    expect(result.output).toContain("import { x } from './x.js';\nimport { logger } from './log.js';\n");
    expect(result.output).toContain("    logger.error({ err: error }, 'close: unexpected error from pool.end()');\n");
  });

  it('adds `require()` to a CommonJS file, after its requires, and after a prologue when it has none', () => {
    const required = transformSource(`const x = require('./x.js');\n\n${handler}module.exports = { close, x };\n`, { fileName: '/project/src/a.js', logger });
    expect(required.output).toContain("const x = require('./x.js');\nconst { logger } = require('./log.js');\n");
    expect(required.output).not.toContain('import ');
    const strict = transformSource(`'use strict';\n${handler}module.exports = close;\n`, { fileName: '/project/src/a.cjs', logger });
    expect(strict.output.startsWith("'use strict';\nconst { logger } = require('./log.js');\nasync function close")).toBe(true);
  });

  it('keeps a shebang the first line', () => {
    const result = transformSource(`#!/usr/bin/env node\nexport ${handler}`, { fileName: '/project/src/cli.ts', logger });
    expect(result.output.startsWith("#!/usr/bin/env node\nimport { logger } from './log.js';\nexport async function close")).toBe(true);
  });

  it('adds no import to a script that neither imports nor requires (console instead)', () => {
    const result = transformSource(`${handler}close(pool);\n`, { fileName: '/project/src/a.js', logger });
    expect(result.output).not.toContain('logger');
    expect(result.output).toContain("console.error('close: unexpected error from pool.end()', error);");
  });

  it('reuses the import of the configured module spelled another way (`./log` for `./log.js`), under its local name', () => {
    for (const spelling of ['./log', './log.ts', './log/index.js']) {
      const result = transformSource(`import { logger as appLogger } from '${spelling}';\n\nexport ${handler}`, { fileName: '/project/src/a.ts', logger });
      expect(result.output.match(/import /g)).toHaveLength(1);
      expect(result.output).toContain("    appLogger.error({ err: error }, 'close: unexpected error from pool.end()');\n");
    }
  });

  it('adds the logger to an import of the same module spelled another way, not a second import', () => {
    const result = transformSource(`import { level } from './log';\n\nexport ${handler}`, { fileName: '/project/src/a.ts', logger });
    expect(result.output).toContain("import { level, logger } from './log';\n\nexport async function close");
    expect(result.output.match(/import /g)).toHaveLength(1);
  });

  it('does not take a type-only import of the module for the logger', () => {
    const result = transformSource(`import type { logger as Shape } from './log';\n\nexport ${handler}`, { fileName: '/project/src/a.ts', logger });
    expect(result.output).toContain("import { logger } from './log.js';\n");
    expect(result.output).toContain("    logger.error({ err: error }, 'close: unexpected error from pool.end()');\n");
  });

  it('does not call a variable of the same name that is not a logger (console instead), nor import over it', () => {
    const result = transformSource(`const logger = 'jobs';\n\nexport ${handler}`, { fileName: '/project/src/a.ts', logger });
    expect(result.output).not.toContain('import');
    expect(result.output).not.toContain('logger.error');
    expect(result.output).toContain("console.error('close: unexpected error from pool.end()', error);");
  });
});
