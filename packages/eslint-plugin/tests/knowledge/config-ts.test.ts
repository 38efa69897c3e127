// `catchwise.config.ts`: read synchronously (transpiled to CommonJS with `typescript`, run with a
// `require` from its directory), found upward like the JSON file, validated the same way; the rules
// apply it to the files below it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import plugin, { defineConfig } from '../../src/index.js';
import { CatchwiseConfigError, clearConfigCache, findConfigFile, loadConfigFor, readConfigFile } from '../../src/analysis/knowledge/index.js';
import { typescriptFor } from '../../src/analysis/knowledge/config.js';

const root = mkdtempSync(join(tmpdir(), 'catchwise-config-ts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => clearConfigCache());

function write(path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const TS_CONFIG = `import { defineConfig } from '@catchwise/eslint-plugin';
import { join } from 'node:path';

const retryable: string[] = ['ETIMEDOUT', 'ECONNRESET'];

export default defineConfig({
  errors: { '@acme/http': ['HttpError', { name: 'TimeoutError', guard: 'name', codes: retryable }] },
  cancellation: 'rethrow',
  logger: \`logger@\${join('.', 'src', 'log.js')}\`,
});
`;

describe('catchwise.config.ts', () => {
  it('is found upward and read: types, imports and computed values', () => {
    const config = write('repo/catchwise.config.ts', TS_CONFIG);
    const file = write('repo/src/api/users.ts', '');
    expect(findConfigFile(file)).toBe(config);
    expect(loadConfigFor(file)).toEqual({
      config: {
        errors: { '@acme/http': ['HttpError', { name: 'TimeoutError', guard: 'name', codes: ['ETIMEDOUT', 'ECONNRESET'] }] },
        cancellation: 'rethrow',
        logger: 'logger@src/log.js',
      },
      path: config,
    });
  });

  it('a CommonJS `module.exports` works too', () => {
    const config = write('cjs/catchwise.config.ts', "module.exports = { catalog: false };\n");
    expect(readConfigFile(config)).toEqual({ catalog: false });
  });

  it('defineConfig is the identity', () => {
    const value = { cancellation: 'ignore' as const };
    expect(defineConfig(value)).toBe(value);
  });

  it('validation names the file and the field, as for JSON', () => {
    const config = write('bad/catchwise.config.ts', "export default { errors: { pg: [{ name: 'X', guard: 'code' }] } };\n");
    expect(() => readConfigFile(config)).toThrow(new CatchwiseConfigError(config, 'errors["pg"][0].codes', 'is required with guard "code"'));
  });

  it.each([
    ['exports no object', 'export default 3;\n', 'must export a config object (export default defineConfig({ … }))'],
    ['exports a promise', 'export default Promise.resolve({});\n', 'must export the config object itself, not a promise (configs are read synchronously)'],
    ['does not parse', 'export default { errors: ;\n', 'does not parse: Expression expected.'],
    ['throws when run', "throw new Error('no env');\n", 'throws when run: no env'],
  ])('a config that %s is an error naming the file', (name, text, detail) => {
    const config = write(`${name.replace(/\W/g, '-')}/catchwise.config.ts`, text);
    expect(() => readConfigFile(config)).toThrow(`${config}: ${detail}`);
  });

  it('a .json and a .ts in one directory is an error', () => {
    write('both/catchwise.config.json', '{}');
    const config = write('both/catchwise.config.ts', 'export default {};\n');
    expect(() => findConfigFile(write('both/src/a.ts', ''))).toThrow(`${config}: and catchwise.config.json are both in ${join(root, 'both')}: keep one`);
  });

  it('without `typescript` the error names the file', () => {
    const config = join(root, 'no-ts/catchwise.config.ts');
    expect(() => typescriptFor(config, [join(tmpdir(), 'nowhere', 'x.js')])).toThrow(
      `${config}: needs the \`typescript\` package to be read: install it in the project, or use catchwise.config.json`,
    );
  });

  it('the rules apply it: cancellation "rethrow" in the suggestion', () => {
    write('lint/catchwise.config.ts', "import { defineConfig } from '@catchwise/eslint-plugin';\nexport default defineConfig({ cancellation: 'rethrow' });\n");
    const file = write('lint/src/load.ts', '');
    const code = "export async function load(url: string, signal: AbortSignal) {\n  try {\n    return await fetch(url, { signal });\n  } catch (e) {\n    console.error('load failed', e);\n    return null;\n  }\n}\n";
    const linter = new Linter({ configType: 'flat', cwd: join(root, 'lint') });
    const [message] = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { catchwise: plugin as never }, rules: { 'catchwise/no-broad-catch': 'error' } }], { filename: file });
    expect(message?.messageId).toBe('abortSwallowed');
    const fix = message!.suggestions![0]!.fix;
    expect(code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])).toContain(
      "  } catch (e) {\n    if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) {\n      throw e;\n    }\n    console.error('load failed', e);",
    );
  });
});
