// A worker thread of `--jobs N`: processes the files the runner sends, one message each.
// First: TypeScript's compiler, loaded by the imports below, comes from the V8 code cache.
import './compile-cache.js';
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process-file.js';
import type { FileSettings } from './process-file.js';

// One set of settings per config file; each message names the one for its file.
const settings = (workerData as { settings: Record<string, FileSettings> }).settings;

parentPort?.on('message', (message: { id: number; file: string; display: string; settings: string }) => {
  const work = processFile(message.file, message.display, settings[message.settings]!);
  parentPort?.postMessage({ id: message.id, work });
});
