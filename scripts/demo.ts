// `pnpm demo`: the main job on the embedded example.
// 1. lint examples/service with the plugin; 2. show the codemod's dry-run diff for it;
// 3. reduce a generated event stream and print the per-namespace summary with error bars.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { NamespaceReducer, formatEstimate, formatSnapshot, type MetadataEvent } from '@catchwise/reducer';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const service = join(root, 'examples/service');

function heading(text: string): void {
  console.log(`\n\u001b[1m== ${text}\u001b[0m\n`);
}

async function lintService(): Promise<void> {
  heading('1. ESLint with @catchwise/eslint-plugin on examples/service');
  const eslint = new ESLint({ cwd: service });
  const results = await eslint.lintFiles(['src']);
  const formatter = await eslint.loadFormatter('stylish');
  console.log(await formatter.format(results));
}

function codemodDryRun(): void {
  heading('2. npx @catchwise/codemods specific-catch examples/service/src --dry-run');
  const cli = join(root, 'packages/codemods/dist/cli.js');
  const result = spawnSync(process.execPath, [cli, 'specific-catch', 'src', '--dry-run', '--allow-dirty'], {
    cwd: service,
    stdio: 'inherit',
  });
  // Exit 1 means "changes pending": what a dry run over unfixed code should say.
  if (result.status !== 0 && result.status !== 1) throw new Error(`codemod exited with ${result.status}`);
}

// A deterministic pseudo-random stream: a few hot namespaces, many workflows, a few content types.
function* generateEvents(count: number): Generator<MetadataEvent> {
  let state = 0x2545f491;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const namespaces = ['ingest', 'billing', 'search', 'audit', 'thumbnails'];
  const contentTypes = ['application/json', 'text/csv', 'image/png', 'application/pdf', 'text/plain'];
  for (let i = 0; i < count; i++) {
    const namespace = namespaces[Math.floor(next() ** 2 * namespaces.length)] ?? 'ingest';
    yield {
      namespace,
      content_type: contentTypes[Math.floor(next() * contentTypes.length)] ?? 'text/plain',
      workflow_id: `wf-${namespace}-${Math.floor(next() * 40_000)}`,
      size_bytes: Math.floor(next() * 1_000_000),
      timestamp: 1_760_000_000_000 + i * 10,
    };
  }
  yield { namespace: 'ingest', content_type: 'text/plain', workflow_id: 'wf-bad', size_bytes: -1, timestamp: 'yesterday' };
}

function reduceStream(): void {
  heading('3. NamespaceReducer over 300,000 generated events (exact counts kept alongside, for comparison)');
  const reducer = new NamespaceReducer({ maxSamples: 3 });
  const exact = new Map<string, Set<unknown>>();
  for (const event of generateEvents(300_000)) {
    reducer.add(event);
    const ids = exact.get(String(event.namespace)) ?? new Set();
    ids.add(event.workflow_id);
    exact.set(String(event.namespace), ids);
  }
  const snapshot = reducer.snapshot();
  const rows = Object.values(snapshot.namespaces).map((record) => ({
    namespace: record.namespace,
    events: record.total_files,
    GB: (record.total_size_bytes / 1e9).toFixed(2),
    'distinct workflows': formatEstimate(record.unique_workflows_estimate),
    'exact (a Set)': exact.get(record.namespace)?.size ?? 0,
    'content types': formatEstimate(record.unique_file_types_estimate),
    'workflow sample': record.workflow_ids.join(' '),
  }));
  console.table(rows);
  console.log(formatSnapshot(snapshot).split('\n').at(-1));
}

await lintService();
codemodDryRun();
reduceStream();
