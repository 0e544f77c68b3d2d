import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../../libs/temporal/binaries';

/** The files the pages are made of, by extension; anything else in the folder is not served. */
const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
};

/** The one HTML document every page path answers with; the script renders the page. */
const SHELL_FILE = 'index.html';

export interface Asset {
  body: Buffer;
  contentType: string;
  /** First 16 hex digits of the SHA-256 of the body: the ETag and the `?v=` in the shell's links. */
  hash: string;
}

export interface PageAssets {
  dir: string;
  /** The shell, its links to assets carrying their hashes so browsers may cache them for good. */
  shell: Buffer;
  /** By file name (no folders). */
  files: Map<string, Asset>;
}

/**
 * Where the HTML, CSS and JS live. tsc does not copy them to dist/, so compiled code
 * finds them in the source tree: beside this file when it runs from sources (ts-jest),
 * else under the project root (the folder with package.json), which is the checkout for
 * `npm start` and /app in the image (the Dockerfile copies the folder there).
 */
export function findAssetsDir(): string {
  const candidates = [path.join(__dirname, 'assets'), path.join(PROJECT_ROOT, 'apps', 'api', 'pages', 'assets')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, SHELL_FILE)));
  if (!found) throw new Error(`The pages' assets are missing; looked in ${candidates.join(' and ')}`);
  return found;
}

/** Reads every asset once, at start-up; they are a few kilobytes. */
export function loadAssets(dir = findAssetsDir()): PageAssets {
  const files = new Map<string, Asset>();
  for (const name of fs.readdirSync(dir)) {
    const contentType = CONTENT_TYPES[path.extname(name)];
    if (!contentType) continue;
    const body = fs.readFileSync(path.join(dir, name));
    files.set(name, { body, contentType, hash: hashOf(body) });
  }
  const html = fs.readFileSync(path.join(dir, SHELL_FILE), 'utf8');
  const shell = html.replace(/"\/assets\/([\w.-]+)"/g, (link, name: string) => {
    const asset = files.get(name);
    return asset ? `"/assets/${name}?v=${asset.hash}"` : link;
  });
  return { dir, shell: Buffer.from(shell, 'utf8'), files };
}

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}
