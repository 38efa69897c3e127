// A V8 code cache for TypeScript's compiler (typescript/lib/typescript.js, 9 MB), which the CLI and
// every worker load: compiling it is about a fifth of a small run (a pre-commit check, `--verify` on
// a small project). Node 22 has `module.enableCompileCache()`, used when present; on Node 20 the file
// is compiled with `vm.Script` and the code V8 produced is written at exit to the user's own cache
// directory ($XDG_CACHE_HOME or ~/.cache, `catchwise/compile-cache`, mode 700: never a shared
// temporary directory, where another user could plant code), keyed by Node version, file path, size
// and mtime. Imported for its effect, first, by the CLI and the worker (not by the library entry).
// Off with NODE_DISABLE_COMPILE_CACHE=1.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

export type CompileCacheStatus = 'off' | 'built-in' | 'not-loaded' | 'miss' | 'hit';

const CACHED_FILE = /[\\/]typescript[\\/]lib[\\/]typescript\.js$/;

let status: CompileCacheStatus = 'off';

/** What happened to TypeScript's compiler in this thread: read from the cache, compiled and saved, … */
export function compileCacheStatus(): CompileCacheStatus {
  return status;
}

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

function cacheFileFor(filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${filename}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 24);
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'catchwise', 'compile-cache', `${key}.v8`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    // ignore: no cache yet (or unreadable), so the file is compiled as usual and the cache written at exit
    void error;
    return undefined;
  }
}

function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    // ignore: the cache only saves start-up time; a read-only or full cache directory costs nothing else
    void error;
  }
}

function compileWithCache(module: CompilingModule, content: string, filename: string, cacheFile: string): void {
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  status = cachedData && !script.cachedDataRejected ? 'hit' : 'miss';
  // Written at exit, so that it also holds the functions V8 compiled lazily during the run.
  if (status === 'miss') process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
  wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
}

function install(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const builtIn = (Module as unknown as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn();
    status = 'built-in';
    return;
  }
  status = 'not-loaded';
  const prototype = (Module as unknown as { prototype: CompilingModule }).prototype;
  const original = prototype._compile;
  prototype._compile = function compile(this: CompilingModule, content: string, filename: string): unknown {
    if (!CACHED_FILE.test(filename)) return original.call(this, content, filename);
    let cacheFile: string;
    try {
      cacheFile = cacheFileFor(filename);
    } catch (error) {
      // ignore: without a key (the file cannot be stat'ed) the compiler is compiled the usual way
      void error;
      return original.call(this, content, filename);
    }
    compileWithCache(this, content, filename, cacheFile);
    return undefined;
  };
}

install();
