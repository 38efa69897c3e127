// `--logger` specs, per-file logger imports, shards and edit splicing: the runner's small pure parts.
import { describe, expect, it } from 'vitest';
import { ConfigError, loggerForFile, parseLoggerSpec } from '../src/config.js';
import { applyEdits, diffAsEdit, editsOverlap } from '../src/edits.js';
import { inShard, parseShard, PathError } from '../src/files.js';

describe('parseLoggerSpec', () => {
  it('reads name, module, default import and order', () => {
    expect(parseLoggerSpec('logger')).toEqual({ name: 'logger' });
    expect(parseLoggerSpec('logger@./src/log.js')).toEqual({ name: 'logger', import: { from: './src/log.js', kind: 'named' } });
    expect(parseLoggerSpec('log@@acme/logging:message-first')).toEqual({ name: 'log', style: 'message-first', import: { from: '@acme/logging', kind: 'named' } });
    expect(parseLoggerSpec('logger@./log.js#default:object-first')).toEqual({ name: 'logger', style: 'object-first', import: { from: './log.js', kind: 'default' } });
    expect(parseLoggerSpec('this.logger')).toEqual({ name: 'this.logger' });
  });

  it('rejects what is not a logger expression', () => {
    expect(() => parseLoggerSpec('1logger')).toThrow(ConfigError);
    expect(() => parseLoggerSpec('logger@')).toThrow(/missing module/);
    expect(() => parseLoggerSpec('a b')).toThrow(ConfigError);
  });

  it('makes a relative module relative to each file', () => {
    const logger = parseLoggerSpec('logger@./src/log.js');
    expect(loggerForFile(logger, '/repo', '/repo/src/a.ts')?.import?.from).toBe('./log.js');
    expect(loggerForFile(logger, '/repo', '/repo/src/deep/b.ts')?.import?.from).toBe('../log.js');
    expect(loggerForFile(parseLoggerSpec('logger@#log'), '/repo', '/repo/src/a.ts')?.import?.from).toBe('#log');
  });
});

describe('shards', () => {
  it('parses i/n and splits every path into exactly one shard', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('0/3')).toThrow(PathError);
    expect(() => parseShard('4/3')).toThrow(PathError);
    expect(() => parseShard('x')).toThrow(PathError);
    const paths = Array.from({ length: 300 }, (_, i) => `src/dir${i % 7}/file${i}.ts`);
    const shards = [1, 2, 3].map((index) => paths.filter((path) => inShard(path, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual([...paths].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(60);
  });
});

describe('edits', () => {
  it('splices in order, keeps insertions at one point in order, refuses overlaps', () => {
    expect(applyEdits('abcdef', [{ range: [3, 3], text: 'X' }, { range: [1, 2], text: 'B' }, { range: [3, 3], text: 'Y' }])).toBe('aBcXYdef');
    expect(() => applyEdits('abcdef', [{ range: [1, 4], text: '' }, { range: [2, 3], text: 'z' }])).toThrow(/overlapping/);
    expect(editsOverlap({ range: [2, 2], text: 'a' }, { range: [2, 2], text: 'b' })).toBe(false);
    expect(editsOverlap({ range: [3, 3], text: 'a' }, { range: [2, 5], text: '' })).toBe(true);
    expect(editsOverlap({ range: [2, 2], text: 'a' }, { range: [2, 5], text: '' })).toBe(false);
  });

  it('diffAsEdit turns one text into the other', () => {
    const before = 'one\ntwo\nthree\n';
    const after = 'one\n2\nthree\n';
    expect(applyEdits(before, diffAsEdit(before, after))).toBe(after);
    expect(diffAsEdit(before, before)).toEqual([]);
  });
});
