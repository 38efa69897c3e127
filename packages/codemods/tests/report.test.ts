// The HTML review page, opened in headless Chromium: it must list every changed file, with its diff.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlReport } from '../src/report.js';
import type { RunSummary } from '../src/runner.js';
import { CLEAN, SILENT, runCli, tempRepo } from './helpers.js';
import type { Repo } from './helpers.js';

function findChromium(): string | null {
  for (const candidate of [process.env.CHROMIUM_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

const chromium = findChromium();

function dumpDom(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'catchwise-chromium-'));
  try {
    const result = spawnSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--dump-dom',
        pathToFileURL(file).href,
      ],
      { encoding: 'utf8', timeout: 90_000 },
    );
    if (result.status !== 0) throw new Error(`chromium exited ${String(result.status)}: ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const repos: Repo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

describe('--report <file.html>', () => {
  it('escapes file names and diffs (no markup from the code gets through)', () => {
    const summary: RunSummary = {
      transform: 'specific-catch',
      mode: 'dry-run',
      files: [{ file: 'src/<b>x</b>.ts', status: 'changed', diagnostics: [], findings: 1, rewritten: 1, handlers: [{ line: 3, column: 5, rule: 'no-silent-catch', expected: [{ name: '<X>', evidence: 'config', detail: 'cfg <b>', call: null, guard: null }] }], diff: '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-<script>alert(1)</script>\n+ok\n' }],
      counts: { changed: 1, unchanged: 0, skipped: 0, error: 0 },
      ignored: 0,
      unsupported: 0,
      findings: 1,
      rewritten: 1,
      fixmes: 0,
      typescriptParsed: 0,
      written: 0,
      interrupted: false,
      durationMs: 1,
      exitCode: 1,
    };
    const html = htmlReport(summary);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The expected errors of each rewritten handler are notes, escaped like everything else.
    expect(html).toContain('<li class="info">line 3: no-silent-catch: branches on &lt;X&gt; [config: cfg &lt;b&gt;]</li>');
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  if (!chromium) it.skip('SKIPPED: chromium is not installed (apt-get install -y chromium), so the page is not opened', () => {});

  it.skipIf(!chromium)('lists every changed file in headless Chromium', () => {
    const files: Record<string, string> = { 'src/clean.ts': CLEAN, 'src/broken.ts': 'export function (\n  try {} catch {}\n' };
    for (let i = 0; i < 5; i++) files[`src/dir${i % 2}/close${i}.ts`] = SILENT(`close${i}`);
    const repo = tempRepo(files);
    repos.push(repo);
    const report = join(repo.dir, 'review.html');
    const result = runCli(repo.dir, ['specific-catch', 'src', '--dry-run', '--report', report]);
    expect(result.status).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain('<!doctype html>');

    const dom = dumpDom(report);
    const listed = [...dom.matchAll(/<section class="file (\w+)" id="f\d+" data-file="([^"]+)"/g)].map((match) => [match[2], match[1]]);
    const changed = listed.filter(([, status]) => status === 'changed').map(([file]) => file).sort();
    expect(changed).toEqual(['src/dir0/close0.ts', 'src/dir0/close2.ts', 'src/dir0/close4.ts', 'src/dir1/close1.ts', 'src/dir1/close3.ts']);
    expect(listed).toContainEqual(['src/broken.ts', 'error']);
    expect(dom).toMatch(/<td class="count" data-count="changed">5<\/td>/);
    expect(dom).toMatch(/<td class="count" data-count="error">1<\/td>/);
    expect(dom).toContain('close3: unexpected error from pool.end()');
  });
});
