import { describe, expect, it } from 'vitest';
import { customerIdSchema, isId, newId, storeIdSchema } from './ids.ts';

describe('ids', () => {
  it('creates ids that parse as their own kind and no other', () => {
    const id = newId('customer');
    expect(customerIdSchema.safeParse(id).success).toBe(true);
    expect(storeIdSchema.safeParse(id).success).toBe(false);
  });

  it('rejects ids that would break a topic level or a path', () => {
    for (const bad of [
      'sto_',
      'sto_a/b',
      'sto_+',
      'sto_#',
      'sto_a b',
      'cus_x',
      `sto_${'a'.repeat(65)}`,
    ]) {
      expect(isId('store', bad), bad).toBe(false);
    }
  });

  it('accepts readable seeded ids', () => {
    expect(isId('store', 'sto_tokyo-ginza')).toBe(true);
    expect(isId('customer', 'cus_000123')).toBe(true);
  });
});
