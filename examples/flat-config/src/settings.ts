import { readFile } from 'node:fs/promises';

export interface Settings {
  port: number;
  featureFlags: string[];
}

const defaults: Settings = { port: 8080, featureFlags: [] };

// A missing file means "use the defaults"; anything else (a permission error, bad JSON)
// must reach the caller instead of silently starting with the defaults.
export async function loadSettings(path: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaults;
    throw error;
  }
  return { ...defaults, ...(JSON.parse(text) as Partial<Settings>) };
}
