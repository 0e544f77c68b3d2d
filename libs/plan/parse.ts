/**
 * parseDefinition: YAML or JSON text → the same result as validateDefinition.
 * Syntax errors become problems (with line and column where known); nothing
 * throws.
 */
import { type Document, LineCounter, isNode, parseDocument } from 'yaml';
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
    const at = parsed.locate ?? ((p: Problem) => p);
    return { ...result, errors: result.errors.map(at), warnings: [...parsed.warnings, ...result.warnings.map(at)] };
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
  /** For YAML: the problem with the line and column of the text its path names. */
  locate?: (problem: Problem) => Problem;
}

/** 'subAnalyses[0].phases[1].weeks' → ['subAnalyses', 0, 'phases', 1, 'weeks']. */
function pathParts(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/**
 * Adds where in the text a problem is: the node its path names or, for a field that is
 * missing, the nearest one that is there (its parent). Authors find a line faster than a path.
 */
function locator(doc: Document, lines: LineCounter): (problem: Problem) => Problem {
  return (problem) => {
    if (!problem.path) return problem;
    const parts = pathParts(problem.path);
    for (let n = parts.length; n > 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { ...problem, message: `${problem.message} (line ${line}, column ${col})` };
      }
    }
    return problem;
  };
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
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter: lines });
  const warnings = doc.warnings.map((w) => ({ path: '', message: `YAML: ${yamlMessage(w.message)}` }));
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({ path: '', message: `YAML syntax error: ${yamlMessage(e.message)}` })),
      warnings,
    };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), errors: [], warnings, locate: locator(doc, lines) };
  } catch (e) {
    return { errors: [{ path: '', message: `YAML error: ${(e as Error).message}` }], warnings };
  }
}
