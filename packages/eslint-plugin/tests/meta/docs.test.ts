// Meta-tests that keep the registry, docs, tests, configs and the generated README in sync
// (typescript-eslint `tests/docs.test.mts`, unicorn `test/package.js`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';
import { rules } from '../../src/rules/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ids = Object.keys(rules).sort();
type AnyRule = {
  meta: {
    docs: { url: string; description: string; recommended: 'error' | 'warn' | false; strict?: string; strictOptions?: object };
    schema: { properties: Record<string, { description?: string }>; additionalProperties: boolean }[];
    hasSuggestions?: boolean;
  };
};
const ruleOf = (id: string) => (rules as unknown as Record<string, AnyRule>)[id]!;
const stripExt = (file: string) => file.replace(/\.(?:test\.ts|ts|md)$/, '');

describe('registry', () => {
  it('has one source file, one doc and one test per rule, and nothing else', () => {
    expect(readdirSync(`${root}src/rules`).filter((f) => f !== 'index.ts').map(stripExt).sort()).toEqual(ids);
    expect(readdirSync(`${root}docs/rules`).map(stripExt).sort()).toEqual(ids);
    expect(readdirSync(`${root}tests/rules`).map(stripExt).sort()).toEqual(ids);
  });
});

describe.each(ids)('%s', (id) => {
  const rule = ruleOf(id);
  const doc = readFileSync(`${root}docs/rules/${id}.md`, 'utf8');

  it('links its docs URL to its doc file', () => {
    expect(rule.meta.docs.url.endsWith(`/packages/eslint-plugin/docs/rules/${id}.md`)).toBe(true);
    expect(existsSync(`${root}docs/rules/${id}.md`)).toBe(true);
  });

  it('has a description starting with Enforce/Require/Disallow and no final period', () => {
    expect(rule.meta.docs.description).toMatch(/^(?:Enforce|Require|Disallow) [^]*[^.]$/);
  });

  it('documents every option in its own section, and describes it in the schema', () => {
    const [schema] = rule.meta.schema;
    expect(schema?.additionalProperties).toBe(false);
    for (const [name, property] of Object.entries(schema?.properties ?? {})) {
      expect(property.description, name).toBeTruthy();
      expect(doc, name).toContain(`### \`${name}\``);
    }
  });

  it('has the doc sections in order: examples, options, when not to use it', () => {
    const order = ['## Examples', '## Options', '## When Not To Use It'].map((heading) => doc.indexOf(heading));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('offers suggestions', () => {
    expect(rule.meta.hasSuggestions).toBe(true);
  });

  // Each ```ts block is preceded by a ❌ or ✅ line: ❌ must be reported by this rule, ✅ must not.
  const blocks = [...doc.matchAll(/^(❌|✅)[^\n]*\n\n```ts\n([^]*?)```/gmu)].map((match) => ({ bad: match[1] === '❌', code: match[2]! }));
  it('has ❌ and ✅ examples', () => {
    expect(blocks.some((block) => block.bad)).toBe(true);
    expect(blocks.some((block) => !block.bad)).toBe(true);
  });
  const linter = new Linter({ configType: 'flat' });
  it.each(blocks.map((block, index) => [index, block] as const))('doc example %i produces the documented report', (_index, block) => {
    const messages = linter.verify(
      block.code,
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { catchwise: plugin as never }, rules: { [`catchwise/${id}`]: 'error' } }],
      { filename: 'example.ts' },
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const reports = messages.filter((message) => message.ruleId === `catchwise/${id}`);
    if (block.bad) expect(reports.length, block.code).toBeGreaterThan(0);
    else expect(reports, block.code).toEqual([]);
  });
});

describe('configs', () => {
  it('recommended holds exactly the rules whose metadata says so, at that severity', () => {
    const expected = Object.fromEntries(
      ids.filter((id) => ruleOf(id).meta.docs.recommended).map((id) => [`catchwise/${id}`, ruleOf(id).meta.docs.recommended]),
    );
    expect(plugin.configs.recommended.rules).toEqual(expected);
  });

  it('strict holds every rule, with its strict severity and options', () => {
    const expected = Object.fromEntries(
      ids.map((id) => {
        const docs = ruleOf(id).meta.docs;
        const severity = docs.strict ?? (docs.recommended || 'error');
        return [`catchwise/${id}`, docs.strictOptions ? [severity, docs.strictOptions] : severity];
      }),
    );
    expect(plugin.configs.strict.rules).toEqual(expected);
  });

  it('registers the plugin under its namespace', () => {
    expect(Object.keys(plugin.configs.recommended.plugins ?? {})).toEqual(['catchwise']);
    expect(plugin.meta.name).toBe('@catchwise/eslint-plugin');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('README', () => {
  it('has the rules table eslint-doc-generator generates (run docs/generator/generate.sh when this fails)', () => {
    // Needs dist/: the generator loads the built plugin.
    expect(() => execFileSync('sh', [`${root}docs/generator/generate.sh`, '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  }, 60_000);
});
