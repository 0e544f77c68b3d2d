import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as labels from '../../../libs/texts/labels';
import { ROUTES_MODULE, TEXTS_MODULE, findAssetsDir, loadAssets, textsModule } from './assets';
import { PAGES } from './pages.module';

/** A folder of assets for one test: the shell plus the given files. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-assets-'));
  const all = { 'index.html': '<script type="module" src="/assets/js/app.js"></script>', ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const text = (assets: ReturnType<typeof loadAssets>, name: string) => assets.files.get(name)!.body.toString('utf8');

describe('the pages’ assets', () => {
  const real = loadAssets(PAGES);
  const modules = [...real.files.keys()].filter((name) => name.endsWith('.js'));
  /** The modules in the folder, not those the API writes. */
  const written = modules.filter((name) => name !== TEXTS_MODULE && name !== ROUTES_MODULE);

  it('keeps every page module small', () => {
    expect(written).toEqual(expect.arrayContaining(['js/app.js', 'js/pages/sub-analysis.js']));
    const long = written
      .map((name) => ({ name, lines: fs.readFileSync(path.join(findAssetsDir(), name), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 250);
    expect(long).toEqual([]);
  });

  it('has a module for every page path, and links every import of a sibling with its version', () => {
    for (const page of Object.values(PAGES)) expect(real.files.has(`js/pages/${page}.js`)).toBe(true);
    const routes = text(real, ROUTES_MODULE);
    for (const [pagePath, page] of Object.entries(PAGES)) {
      const hash = real.files.get(`js/pages/${page}.js`)!.hash;
      expect(routes).toContain(`"path": "${pagePath}",\n    "module": "/assets/js/pages/${page}.js?v=${hash}"`);
    }
    for (const name of modules) {
      for (const [, spec] of text(real, name).matchAll(/(?:from|import)\s*'([^']+)'/g)) {
        const [file, version] = spec.split('?v=');
        const target = path.posix.join(path.posix.dirname(name), file);
        expect({ name, spec, hash: real.files.get(target)?.hash }).toEqual({ name, spec, hash: version });
      }
    }
  });

  it('holds no copy of a word from libs/texts/labels.ts in the page modules', () => {
    const words = Object.values(labels).flatMap((table) => Object.values(table) as string[]);
    expect(words).toEqual(expect.arrayContaining(['ikke indsendt', 'i gang', 'Begrundelse', 'juni']));
    const copies = written.flatMap((name) => {
      const source = fs.readFileSync(path.join(findAssetsDir(), name), 'utf8');
      return words.filter((w) => source.includes(`'${w}'`)).map((w) => `${name}: '${w}'`);
    });
    expect(copies).toEqual([]);
  });

  it('writes every table of libs/texts/labels.ts into texts.js', () => {
    const source = textsModule();
    for (const [name, value] of Object.entries(labels)) {
      expect(source).toContain(`export const ${name} = ${JSON.stringify(value)};`);
    }
    expect(text(real, TEXTS_MODULE)).toBe(source);
  });

  it('gives a module a new version when a module it imports changes', () => {
    const files = {
      'js/app.js': "import { a } from './a.js';\na();\n",
      'js/a.js': "import { b } from './deep/b.js';\nexport const a = b;\n",
      'js/deep/b.js': 'export const b = () => 1;\n',
      'js/pages/programmes.js': 'export const draw = () => {};\n',
    };
    const routes = { '/': 'programmes' };
    const before = loadAssets(routes, folder(files));
    const after = loadAssets(routes, folder({ ...files, 'js/deep/b.js': 'export const b = () => 2;\n' }));
    for (const name of ['js/deep/b.js', 'js/a.js', 'js/app.js']) {
      expect(after.files.get(name)!.hash).not.toBe(before.files.get(name)!.hash);
    }
    expect(after.files.get('js/pages/programmes.js')!.hash).toBe(before.files.get('js/pages/programmes.js')!.hash);
    expect(after.shell.toString()).toContain(`/assets/js/app.js?v=${after.files.get('js/app.js')!.hash}`);
  });

  it('refuses modules that import each other in a circle, or a sibling that is missing', () => {
    const routes = { '/': 'programmes' };
    const page = { 'js/pages/programmes.js': 'export const draw = () => {};\n' };
    const circle = folder({ ...page, 'js/app.js': "import './a.js';\n", 'js/a.js': "import './app.js';\n" });
    expect(() => loadAssets(routes, circle)).toThrow(
      /circle: js\/a\.js → js\/app\.js → js\/a\.js|circle: js\/app\.js → js\/a\.js → js\/app\.js/,
    );
    const missing = folder({ ...page, 'js/app.js': "import { x } from './gone.js';\n" });
    expect(() => loadAssets(routes, missing)).toThrow('js/app.js imports js/gone.js, which is not in');
    const noPage = folder({ 'js/app.js': '' });
    expect(() => loadAssets(routes, noPage)).toThrow('js/routes.js imports js/pages/programmes.js, which is not in');
  });
});
