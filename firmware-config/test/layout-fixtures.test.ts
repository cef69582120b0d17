import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateLayout } from '../src/domain/layout-validator.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function files(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(`${fixtures}${kind}`).filter((name) => name.endsWith('.yaml'));
}

/** The problems an invalid fixture annotates in its header: `# expect: line:col: message`. */
function expectedProblems(text: string): string[] {
  return text.split('\n').flatMap((line) => /^# expect: (.*)$/.exec(line)?.[1] ?? []);
}

describe('valid layout fixtures', () => {
  it.each(files('valid'))('%s passes validation', (name) => {
    const result = validateLayout(readFileSync(`${fixtures}valid/${name}`, 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('invalid layout fixtures', () => {
  it.each(files('invalid'))('%s reports exactly the problems it annotates', (name) => {
    const text = readFileSync(`${fixtures}invalid/${name}`, 'utf8');
    const expected = expectedProblems(text);
    expect(expected.length).toBeGreaterThan(0);
    const result = validateLayout(text);
    const actual = result.ok
      ? []
      : result.problems.map(({ line, col, message }) => `${line}:${col}: ${message}`);
    expect(actual).toEqual(expected);
  });
});
