/**
 * parseDefinition: YAML or JSON text → the same result as validateDefinition.
 * Syntax errors become problems (with line and column where known); nothing
 * throws.
 */
import { parseDocument } from 'yaml';
import { Problem, ValidationResult, validateDefinition } from './validate';

export type DefinitionFormat = 'yaml' | 'json';

/** Guards against alias bombs ("billion laughs") in YAML. */
const MAX_YAML_ALIASES = 100;

/**
 * Parses and validates a definition. `contentType` is 'yaml' or 'json' (MIME
 * types such as 'application/yaml' are understood too); without it, text
 * starting with '{' is read as JSON and anything else as YAML.
 */
export function parseDefinition(text: string, contentType?: DefinitionFormat | string): ValidationResult {
  try {
    if (typeof text !== 'string') return failure({ path: '', message: 'The definition must be text (YAML or JSON).' });
    if (text.trim() === '') return failure({ path: '', message: 'The definition is empty.' });
    const parsed = formatOf(text, contentType) === 'json' ? readJson(text) : readYaml(text);
    if (parsed.errors.length > 0) return { valid: false, errors: parsed.errors, warnings: parsed.warnings };
    const result = validateDefinition(parsed.value);
    return { ...result, warnings: [...parsed.warnings, ...result.warnings] };
  } catch (e) {
    return failure({
      path: '',
      message: `The definition could not be read: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

function formatOf(text: string, contentType?: string): DefinitionFormat {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json')) return 'json';
  if (type.includes('yaml') || type.includes('yml')) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

interface Parsed {
  value?: unknown;
  errors: Problem[];
  warnings: Problem[];
}

function failure(problem: Problem): ValidationResult {
  return { valid: false, errors: [problem], warnings: [] };
}

function readJson(text: string): Parsed {
  try {
    return { value: JSON.parse(text), errors: [], warnings: [] };
  } catch (e) {
    return { errors: [{ path: '', message: `JSON syntax error: ${(e as Error).message}` }], warnings: [] };
  }
}

/** The first line of a yaml error message already says where ('… at line 2, column 1:'). */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/:\s*$/, '.');
}

function readYaml(text: string): Parsed {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const warnings = doc.warnings.map((w) => ({ path: '', message: `YAML: ${yamlMessage(w.message)}` }));
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({ path: '', message: `YAML syntax error: ${yamlMessage(e.message)}` })),
      warnings,
    };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), errors: [], warnings };
  } catch (e) {
    return { errors: [{ path: '', message: `YAML error: ${(e as Error).message}` }], warnings };
  }
}
