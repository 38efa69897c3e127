// Reading a local logger module for the parameter lists of its level methods.
import { describe, expect, it } from 'vitest';
import { levelMethodParameters } from '../src/logger-module.js';

describe('levelMethodParameters', () => {
  it('class methods, object methods and properties, function declarations; `this` is no parameter', () => {
    const text = [
      'class Logger { warn(module: string, msg: unknown) {} error(this: Logger, module: string, msg: unknown, extra?: object) {} }',
      'export const log = { info(msg) {}, debug: (msg, detail) => {} };',
      'export function trace(msg: string) {}',
    ].join('\n');
    expect(levelMethodParameters(text, 'log.ts')).toEqual({
      counts: { warn: 2, error: 3, info: 1, debug: 2, trace: 1 },
      firstNames: { warn: 'module', error: 'module', info: 'msg', debug: 'msg', trace: 'msg' },
      // `module: string`, `extra?: object`, `msg: string`: a caught `unknown` cannot go there; `msg: unknown` can.
      typedParameters: { warn: [0], error: [0, 2], trace: [0] },
    });
  });

  it('the most parameters over all declarations of a name; a rest parameter anywhere leaves the name out', () => {
    const text = 'class A { error(msg) {} warn(a) {} }\nclass B { error(msg, err) {} warn(...args) {} }\n';
    expect(levelMethodParameters(text, 'log.js')).toEqual({ counts: { error: 2 }, firstNames: { error: 'msg' }, typedParameters: {} });
  });

  it('typed parameters: any type but unknown, any, a union with either, or the method\'s own type parameter', () => {
    const text = [
      'class Logger {',
      '  error(message: string, error?: Error, extra: Record<string, unknown> = {}) {}',
      '  warn(message: unknown, error: Error | unknown, extra: any) {}',
      '  info<E>(message: E, error) {}',
      '}',
    ].join('\n');
    expect(levelMethodParameters(text, 'log.ts')?.typedParameters).toEqual({ error: [0, 1, 2] });
  });

  it('null when the module declares no level method or does not parse', () => {
    expect(levelMethodParameters('export const log = console;\n', 'log.ts')).toBeNull();
    expect(levelMethodParameters('class Logger { warn(module, msg { }\n', 'log.ts')).toBeNull();
  });
});
