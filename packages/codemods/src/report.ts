// What a run says: the one-line summary, the JSON report, and the self-contained HTML review page.
import type { FileResult, RunSummary } from './runner.js';

export function summaryLine(summary: RunSummary): string {
  const { counts } = summary;
  const verb = summary.mode === 'write' ? 'changed' : 'would change';
  const parts = [
    `${counts.changed} ${verb}`,
    `${counts.unchanged} unchanged`,
    `${counts.skipped} skipped`,
    `${counts.error} failed`,
  ];
  if (summary.ignored > 0) parts.push(`${summary.ignored} ignored by .gitignore`);
  if (summary.unsupported > 0) parts.push(`${summary.unsupported} skipped as unsupported file type (.vue, .svelte, .astro)`);
  if (summary.typescriptParsed > 0) parts.push(`${summary.typescriptParsed} read with TypeScript's parser`);
  const handlers = `${summary.rewritten} handler(s) rewritten, ${summary.fixmes} FIXME(catchwise)`;
  const tail = summary.interrupted ? ' (interrupted)' : '';
  return `${summary.transform}: ${parts.join(', ')}; ${handlers}; ${(summary.durationMs / 1000).toFixed(2)}s${tail}`;
}

/** The machine report (`--json`): stable field names, diffs only when collected. */
export function jsonReport(summary: RunSummary): string {
  return JSON.stringify(summary, null, 2);
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function renderDiff(diff: string): string {
  const lines = diff.split('\n').filter((line) => !line.startsWith('====='));
  return lines
    .map((line) => {
      const kind = line.startsWith('+++') || line.startsWith('---') ? 'meta' : line.startsWith('@@') ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'ctx';
      return `<span class="${kind}">${escapeHtml(line.replace(/\r$/, '')) || ' '}</span>`;
    })
    .join('\n');
}

function fileSection(file: FileResult, index: number): string {
  const notes = [
    ...(file.reason ? [`<li class="reason">${escapeHtml(file.reason)}</li>`] : []),
    ...file.diagnostics.map((d) => `<li class="${d.severity}">${d.line ? `line ${d.line}: ` : ''}${escapeHtml(d.message)}</li>`),
    ...(file.handlers ?? [])
      .filter((handler) => handler.expected.length > 0)
      .map((handler) => `<li class="info">line ${handler.line}: ${escapeHtml(`${handler.rule}: branches on ${handler.expected.map((error) => `${error.name} [${error.evidence}: ${error.detail}]`).join('; ')}`)}</li>`),
  ];
  return `<section class="file ${file.status}" id="f${index}" data-file="${escapeHtml(file.file)}" data-status="${file.status}">
<details${file.status === 'changed' || file.status === 'error' ? ' open' : ''}><summary><span class="badge ${file.status}">${file.status}</span> <code class="path">${escapeHtml(file.file)}</code> <span class="muted">${file.rewritten}/${file.findings} handler(s)</span></summary>
${notes.length > 0 ? `<ul class="notes">${notes.join('')}</ul>` : ''}
${file.diff ? `<pre class="diff">${renderDiff(file.diff)}</pre>` : ''}
</details></section>`;
}

/** A single HTML file, no external resources: counts, then every changed or failed file with its diff. */
export function htmlReport(summary: RunSummary, title = 'catchwise codemod review'): string {
  const shown = summary.files.filter((file) => file.status === 'changed' || file.status === 'error' || file.diagnostics.length > 0);
  const others = summary.files.filter((file) => !shown.includes(file));
  const rows = (['changed', 'unchanged', 'skipped', 'error'] as const)
    .map((status) => `<tr><th>${status === 'error' ? 'failed' : status}</th><td class="count" data-count="${status}">${summary.counts[status]}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem}table{border-collapse:collapse;margin:1rem 0}th,td{padding:.2rem .8rem;text-align:left;border-bottom:1px solid #e3e6ec}
.muted{color:#6b7280}.badge{display:inline-block;min-width:5.5rem;text-align:center;border-radius:4px;padding:0 .4rem;font-size:12px;color:#fff}
.badge.changed{background:#2563eb}.badge.error{background:#dc2626}.badge.skipped{background:#6b7280}.badge.unchanged{background:#16a34a}
section.file{border:1px solid #e3e6ec;border-radius:6px;margin:.6rem 0;padding:.4rem .8rem}summary{cursor:pointer}
pre.diff{overflow:auto;background:#f8fafc;padding:.6rem;font:12px/1.4 ui-monospace,monospace}
.add{background:#dcfce7;display:block}.del{background:#fee2e2;display:block}.hunk{color:#7c3aed;display:block}.meta{color:#6b7280;display:block}.ctx{display:block}
ul.notes{margin:.4rem 0}li.error,li.reason{color:#b91c1c}li.warning{color:#92400e}
</style></head>
<body>
<h1>${escapeHtml(title)}: <code>${escapeHtml(summary.transform)}</code></h1>
<p class="muted">mode ${summary.mode}; ${summary.rewritten} handler(s) rewritten, ${summary.fixmes} FIXME(catchwise); ${summary.findings} reported; ${(summary.durationMs / 1000).toFixed(2)}s${summary.interrupted ? '; interrupted' : ''}</p>
<table id="counts">${rows}<tr><th>ignored by .gitignore</th><td>${summary.ignored}</td></tr><tr><th>unsupported file type (.vue, .svelte, .astro)</th><td>${summary.unsupported}</td></tr></table>
<h2>Files to review (${shown.length})</h2>
<nav><ol>${shown.map((file, index) => `<li><a href="#f${index}">${escapeHtml(file.file)}</a> <span class="muted">${file.status}</span></li>`).join('')}</ol></nav>
${shown.map(fileSection).join('\n')}
${others.length > 0 ? `<details><summary>${others.length} other file(s)</summary><ul>${others.map((file) => `<li><code>${escapeHtml(file.file)}</code> <span class="muted">${file.status}${file.reason ? `: ${escapeHtml(file.reason)}` : ''}</span></li>`).join('')}</ul></details>` : ''}
</body></html>
`;
}
