// A worker thread of `--jobs N`: processes the files the runner sends, one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process-file.js';
import type { FileSettings } from './process-file.js';

const settings = (workerData as { settings: FileSettings }).settings;

parentPort?.on('message', (message: { id: number; file: string; display: string }) => {
  const work = processFile(message.file, message.display, settings);
  parentPort?.postMessage({ id: message.id, work });
});
