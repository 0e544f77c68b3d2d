/**
 * Shared test data: the default programme as raw input (for mutation) and as
 * a checked definition. Reads files, so only tests use it.
 */
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { defaultProgrammePath } from './default-programme';
import type { ProgrammeDefinition } from './definition';
import { parseDefinition } from './parse';

const defaultText = readFileSync(defaultProgrammePath(), 'utf8');
const defaultData: unknown = parse(defaultText);

/** The default programme's YAML text. */
export function defaultYaml(): string {
  return defaultText;
}

/** A fresh, mutable copy of the default programme as plain data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defaultRaw(): any {
  return structuredClone(defaultData);
}

export function defaultDefinition(): ProgrammeDefinition {
  const result = parseDefinition(defaultText, 'yaml');
  if (!result.definition) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}
