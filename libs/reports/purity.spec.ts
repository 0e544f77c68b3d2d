import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * libs/reports and libs/email may be imported where heavy libraries must not go (the
 * programme overview page's chart today, workflow code perhaps tomorrow): they import
 * only each other and the pure libraries, never pdfkit, resvg or files.
 */
const PURE = ['plan', 'texts', 'read-model', 'reports', 'email'];
const FORBIDDEN_FILES = ['default-programme', 'test-fixtures'];

describe.each(['reports', 'email'])('libs/%s', (lib) => {
  const dir = path.join(__dirname, '..', lib);
  const sources = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'test-fixtures.ts');

  it.each(sources)('%s imports only pure libraries', (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const spec of specifiers) {
      expect(spec).toMatch(/^\.\.?\//);
      const target = path.relative(path.join(__dirname, '..'), path.resolve(dir, spec));
      expect(PURE).toContain(target.split(path.sep)[0]);
      expect(FORBIDDEN_FILES).not.toContain(path.basename(target));
    }
  });
});
