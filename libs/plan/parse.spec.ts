import * as fs from 'node:fs';
import * as path from 'node:path';
/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseDefinition } from './parse';
import { defaultRaw, defaultYaml } from './test-fixtures';
import { ValidationResult, validateDefinition } from './validate';

/** Small deterministic PRNG (mulberry32), so the fuzz cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectWellFormed(result: ValidationResult): void {
  expect(typeof result.valid).toBe('boolean');
  expect(Array.isArray(result.errors)).toBe(true);
  expect(Array.isArray(result.warnings)).toBe(true);
  for (const p of [...result.errors, ...result.warnings]) {
    expect(typeof p.path).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
  if (!result.valid) expect(result.errors.length).toBeGreaterThan(0);
}

describe('parseDefinition', () => {
  it('reads the default programme from YAML and from JSON alike', () => {
    const fromYaml = parseDefinition(defaultYaml());
    const fromJson = parseDefinition(JSON.stringify(defaultRaw()), 'json');
    expect(fromYaml.valid).toBe(true);
    expect(fromJson.valid).toBe(true);
    expect(fromJson.definition).toEqual(fromYaml.definition);
    expect(parseDefinition(JSON.stringify(defaultRaw())).definition).toEqual(fromYaml.definition);
    expect(parseDefinition(defaultYaml(), 'application/yaml').valid).toBe(true);
  });

  it('turns syntax errors into problems with line and column', () => {
    const yaml = parseDefinition('id: x\ntitle: [a, b\nyear: 2025\n');
    expect(yaml.valid).toBe(false);
    expect(yaml.errors[0].path).toBe('');
    expect(yaml.errors[0].message).toMatch(/^YAML syntax error: .*line \d+, column \d+/);
    const json = parseDefinition('{"id": "x",', 'json');
    expect(json.errors[0].message).toMatch(/^JSON syntax error/);
  });

  it('rejects duplicate keys, unknown aliases, empty text and several documents', () => {
    expect(parseDefinition('id: a\nid: b\n').errors[0].message).toContain('unique');
    expect(parseDefinition('a: &x 1\nb: *y\n').errors[0].message).toMatch(/alias/i);
    expect(parseDefinition('  \n').errors).toEqual([{ path: '', message: 'The definition is empty.' }]);
    expect(parseDefinition('id: a\n---\nid: b\n').valid).toBe(false);
    expect(parseDefinition(undefined as unknown as string).valid).toBe(false);
  });

  it('survives an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const result = parseDefinition(lines.join('\n'));
    expect(result.valid).toBe(false);
    expect(result.errors[0].message).toMatch(/alias/i);
  });

  it('reads YAML 1.2 scalars as the format expects', () => {
    const text = defaultYaml().replace('time: "09:00"', 'time: 09:00').replace('weeks: "12-13"', 'weeks: 12-13');
    const result = parseDefinition(text);
    expect(result.errors).toEqual([]);
    expect(result.definition!.reminders.time).toBe('09:00');
    expect(result.definition!.subAnalyses[0].phases[0].weeks).toBe('12-13');
  });
});

describe('nothing malformed throws', () => {
  const yaml = defaultYaml();
  const json = JSON.stringify(defaultRaw());
  const noise = [
    '{',
    '}',
    '[',
    ']',
    ':',
    '-',
    '&a',
    '*a',
    '!!binary',
    '"',
    "'",
    '\t',
    '\n',
    '#',
    '|',
    '>',
    '%YAML 1.1',
    '\u0000',
    '💥',
    '<<: *a',
  ];

  it('handles truncated and scrambled YAML and JSON', () => {
    const rnd = random(1);
    for (let i = 0; i < 300; i++) {
      const source = i % 3 === 0 ? json : yaml;
      let text = source.slice(0, Math.floor(rnd() * source.length));
      const edits = Math.floor(rnd() * 5);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rnd() * text.length);
        const piece = noise[Math.floor(rnd() * noise.length)];
        text =
          rnd() < 0.5
            ? text.slice(0, at) + piece + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 20));
      }
      expectWellFormed(parseDefinition(text, rnd() < 0.2 ? 'json' : undefined));
    }
  });

  it('handles random values anywhere in the structure', () => {
    const rnd = random(2);
    const values = (): unknown[] => [
      null,
      undefined,
      0,
      -1,
      53,
      1.5,
      NaN,
      Infinity,
      '',
      'x',
      '2025-02-30',
      '2026-W53',
      '99-1',
      true,
      [],
      [null],
      {},
      { week: 'x' },
      { week: -3, weekday: 'someday' },
      [1, [2, [3]]],
      Object.create(null),
      'a'.repeat(500),
    ];
    const paths = (node: any, prefix: (string | number)[] = [], out: (string | number)[][] = []) => {
      out.push(prefix);
      if (node && typeof node === 'object')
        for (const key of Object.keys(node))
          paths(node[key], [...prefix, Array.isArray(node) ? Number(key) : key], out);
      return out;
    };
    const all = paths(defaultRaw()).filter((p) => p.length > 0);
    for (let i = 0; i < 400; i++) {
      const d = defaultRaw();
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const path = all[Math.floor(rnd() * all.length)];
        let node = d;
        for (const part of path.slice(0, -1)) node = node?.[part];
        if (node && typeof node === 'object') {
          const pool = values();
          node[path[path.length - 1]] = pool[Math.floor(rnd() * pool.length)];
        }
      }
      expectWellFormed(validateDefinition(d));
    }
  });

  it('reports a getter that throws instead of throwing', () => {
    const d = defaultRaw();
    Object.defineProperty(d, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = validateDefinition(d);
    expect(result.valid).toBe(false);
    expect(result.errors[0].message).toContain('boom');
  });
});

describe('positions of problems in YAML', () => {
  it('names the line and column of the value a problem is about, as well as its path', () => {
    const broken = fs
      .readFileSync(path.join(__dirname, '..', '..', 'programmes', 'aarhus-organisationsanalyse-2025.yaml'), 'utf8')
      .replace('date: 2025-06-02', 'date: 2025-13-45');
    const lineOf = broken.split('\n').findIndex((l) => l.includes('2025-13-45')) + 1;
    const column = broken.split('\n')[lineOf - 1].indexOf('2025-13-45') + 1;
    const result = parseDefinition(broken, 'yaml');
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({
      path: 'committee.meetings[0].date',
      message: expect.stringMatching(new RegExp(`\\(line ${lineOf}, column ${column}\\)$`)),
    });
  });
});
