import { describe, expect, it } from 'vitest';
import { describeRefusal, parseSocketRefusal } from './socket-refusal.ts';

describe('parseSocketRefusal', () => {
  const cases: { name: string; message: string; expect: ReturnType<typeof parseSocketRefusal> }[] =
    [
      {
        name: 'expired token',
        message: 'unauthorized: token expired',
        expect: { code: 'unauthorized', reason: 'token expired' },
      },
      {
        name: 'token of another store',
        message: 'forbidden: associate of sto_paris-rivoli',
        expect: { code: 'forbidden', reason: 'associate of sto_paris-rivoli' },
      },
      {
        name: 'bare code',
        message: 'forbidden',
        expect: { code: 'forbidden', reason: 'forbidden' },
      },
      { name: 'network failure', message: 'xhr poll error', expect: null },
      { name: 'websocket error', message: 'websocket error', expect: null },
      { name: 'code inside another word', message: 'unauthorizedish: x', expect: null },
    ];

  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      expect(parseSocketRefusal(c.message)).toEqual(c.expect);
    });
  }
});

describe('describeRefusal', () => {
  it('tells an associate of another store why the feed closed', () => {
    expect(describeRefusal({ code: 'forbidden', reason: 'associate of sto_paris-rivoli' })).toBe(
      'This account cannot receive this store’s arrivals (associate of sto_paris-rivoli). Please sign in again.',
    );
  });

  it('tells an expired session to sign in again', () => {
    expect(describeRefusal({ code: 'unauthorized', reason: 'token expired' })).toBe(
      'Your session has ended (token expired). Please sign in again.',
    );
  });
});
