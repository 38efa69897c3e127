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
