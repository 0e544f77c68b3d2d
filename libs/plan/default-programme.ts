/**
 * Loads the default programme from programmes/. Reads files, so it is not for
 * workflow code: workflows receive plans as arguments.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import type { ProgrammeDefinition } from './definition';
import { parseDefinition } from './parse';

export const DEFAULT_PROGRAMME_FILE = 'aarhus-organisationsanalyse-2025.yaml';

/**
 * Where the default programme file is: programmes/ in the first directory at
 * or above this module that has one (libs/plan in the sources, dist/libs/plan
 * when compiled).
 */
export function defaultProgrammePath(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'programmes', DEFAULT_PROGRAMME_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`Cannot find programmes/${DEFAULT_PROGRAMME_FILE} above ${__dirname}`);
  }
}

/** Reads and validates a programme file; throws with every problem listed if it is not valid. */
export function loadProgrammeFile(file: string): ProgrammeDefinition {
  const path = resolve(file);
  const result = parseDefinition(readFileSync(path, 'utf8'), path.endsWith('.json') ? 'json' : 'yaml');
  if (!result.valid || !result.definition) {
    const problems = result.errors.map((p) => `  ${p.path || '(document)'}: ${p.message}`).join('\n');
    throw new Error(`Invalid programme definition ${path}:\n${problems}`);
  }
  return result.definition;
}

/** The default programme (Aarhus 2025) as written; combine with upcomingInstance for a live plan. */
export function loadDefaultProgramme(): ProgrammeDefinition {
  return loadProgrammeFile(defaultProgrammePath());
}
