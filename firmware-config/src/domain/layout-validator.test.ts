import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateLayout } from './layout-validator.ts';

const lineCount = (text: string) => text.split('\n').length;

describe('the layout validator on arbitrary input', () => {
  it('never throws on any text, and places every problem inside the file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = validateLayout(text);
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount(text));
        }
      }),
    );
  });

  it('reports a version 1 document of any shape with positions, never at a line that is not there', () => {
    const layoutLike = fc.record(
      {
        store: fc.jsonValue({ maxDepth: 2 }),
        zones: fc.array(
          fc.dictionary(
            fc.constantFrom('id', 'name', 'kind', 'rooms', 'adjacent', 'x'),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          { maxLength: 4 },
        ),
        beacons: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        nodes: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(layoutLike, (body) => {
        const text = stringify({ version: 1, ...body });
        const result = validateLayout(text);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const lines = result.problems.map((problem) => problem.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(Math.max(...lines)).toBeLessThanOrEqual(lineCount(text));
        expect(Math.min(...lines)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
