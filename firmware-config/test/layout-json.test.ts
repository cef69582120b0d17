import { parseStoreLayoutJson } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { renderStoreFiles, STORE_FILES } from '../src/domain/store-files.ts';
import { loadLayout } from './support/layouts.ts';

describe('the layout JSON the edge and the cloud load', () => {
  it.each([
    'fixtures/valid/complete.yaml',
    'fixtures/valid/minimal.yaml',
    '../layouts/tokyo-ginza.yaml',
  ])('reads back from %s exactly as validated, defaults included', (file) => {
    const layout = loadLayout(file);
    const files = renderStoreFiles(layout, [], { randomBytes: (n) => new Uint8Array(n) });
    expect(parseStoreLayoutJson(files[STORE_FILES.layout] ?? '')).toEqual({ ok: true, layout });
  });

  it('names the field that is wrong instead of throwing', () => {
    expect(parseStoreLayoutJson('{"version":1,"store":{"id":"x"}}')).toEqual({
      ok: false,
      detail: expect.stringContaining('store.id: must be a store id'),
    });
    expect(parseStoreLayoutJson('{')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^not JSON/),
    });
  });
});
