import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.ts';

describe('anonymise', () => {
  it('keeps what happened and drops who it was', () => {
    expect(
      anonymise({
        messageId: 'msg_1',
        customerId: 'cus_000001',
        method: 'app',
        clientId: 'app-7',
      }),
    ).toEqual({ messageId: 'msg_1', method: 'app', erased: true });
  });

  it('leaves the event it was given untouched', () => {
    const data = { customerId: 'cus_000001', alertId: 'alr_1' };
    anonymise(data);
    expect(data).toEqual({ customerId: 'cus_000001', alertId: 'alr_1' });
  });
});
