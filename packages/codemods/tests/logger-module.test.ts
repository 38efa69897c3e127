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
    });
  });

  it('the most parameters over all declarations of a name; a rest parameter anywhere leaves the name out', () => {
    const text = 'class A { error(msg) {} warn(a) {} }\nclass B { error(msg, err) {} warn(...args) {} }\n';
    expect(levelMethodParameters(text, 'log.js')).toEqual({ counts: { error: 2 }, firstNames: { error: 'msg' } });
  });

  it('null when the module declares no level method or does not parse', () => {
    expect(levelMethodParameters('export const log = console;\n', 'log.ts')).toBeNull();
    expect(levelMethodParameters('class Logger { warn(module, msg { }\n', 'log.ts')).toBeNull();
  });
});
