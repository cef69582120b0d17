import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStoreLayoutText } from './parse-store-layout.ts';

const demoLayout = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../../firmware-config/layouts/${name}.yaml`, import.meta.url)),
    'utf8',
  );

describe('parseStoreLayoutText', () => {
  it('reads the demo layouts as installers wrote them', () => {
    const parsed = parseStoreLayoutText(demoLayout('paris-rivoli'));
    expect(parsed.ok && parsed.layout.store.id).toBe('sto_paris-rivoli');
  });

  it('reads the same layout as JSON', () => {
    const yaml = parseStoreLayoutText(demoLayout('tokyo-ginza'));
    if (!yaml.ok) throw new Error(yaml.detail);
    const json = parseStoreLayoutText(JSON.stringify(yaml.layout));
    expect(json).toEqual(yaml);
  });

  it('says which field is wrong', () => {
    const parsed = parseStoreLayoutText(
      'version: 1\nstore: { id: nope, name: x, timeZone: UTC }\nzones: []\n',
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.detail).toContain('store.id');
      expect(parsed.detail).toContain('zones');
    }
  });

  it('refuses text that is not YAML, and an alias bomb, without throwing', () => {
    expect(parseStoreLayoutText('a: [1, 2').ok).toBe(false);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(parseStoreLayoutText(bomb).ok).toBe(false);
  });
});
