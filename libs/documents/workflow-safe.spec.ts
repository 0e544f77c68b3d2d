import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

/**
 * Workflows may import these files directly (not through index.ts): what they load at
 * run time must stay free of pdfkit, yazl, file-type and anything else.
 */
const WORKFLOW_SAFE = ['outcomes.ts', 'meeting-model.ts'];

describe.each(WORKFLOW_SAFE)('%s', (file) => {
  it('loads no module at run time', () => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    expect(outputText.match(/require\([^)]*\)/g) ?? []).toEqual([]);
  });
});
