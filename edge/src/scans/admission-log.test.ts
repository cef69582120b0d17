import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Admission, createAdmissionLog } from './admission-log.ts';

const NOW = Date.parse('2026-11-23T19:00:00Z');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-admissions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const admission = (ticketId: string, n: number, expiresAt = NOW + 3_600_000): Admission => ({
  ticketId,
  admission: n,
  messageId: `msg_${ticketId.slice(4)}${n}`,
  expiresAt,
});

describe('the admission log', () => {
  it('counts the admissions of each ticket and remembers the scan that made each', async () => {
    const log = createAdmissionLog({ dir, now: () => NOW });
    await log.open();
    await log.record(admission('tkt_a', 1));
    await log.record(admission('tkt_a', 2));
    await log.record(admission('tkt_b', 1));
    expect([log.admitted('tkt_a'), log.admitted('tkt_b'), log.admitted('tkt_c')]).toEqual([
      2, 1, 0,
    ]);
    expect(log.madeBy('msg_a2')).toMatchObject({ ticketId: 'tkt_a', admission: 2 });
    await log.close();
  });

  it('reads the admissions back after a restart', async () => {
    const first = createAdmissionLog({ dir, now: () => NOW });
    await first.open();
    await first.record(admission('tkt_a', 1));
    await first.close();
    const second = createAdmissionLog({ dir, now: () => NOW + 60_000 });
    expect(await second.open()).toEqual({ admissions: 1, unreadable: 0 });
    expect(second.admitted('tkt_a')).toBe(1);
    expect(second.madeBy('msg_a1')?.admission).toBe(1);
    await second.close();
  });

  it('keeps every whole line when the last one was torn by a power cut', async () => {
    const first = createAdmissionLog({ dir, now: () => NOW });
    await first.open();
    await first.record(admission('tkt_a', 1));
    await first.close();
    await appendFile(join(dir, 'admissions.jsonl'), '{"ticketId":"tkt_a","admiss');
    const second = createAdmissionLog({ dir, now: () => NOW });
    expect(await second.open()).toEqual({ admissions: 1, unreadable: 1 });
    expect(second.admitted('tkt_a')).toBe(1);
    await second.record(admission('tkt_a', 2));
    await second.close();
    const third = createAdmissionLog({ dir, now: () => NOW });
    expect(await third.open()).toEqual({ admissions: 2, unreadable: 0 });
    await third.close();
  });

  it('forgets tickets that have expired when it opens', async () => {
    const first = createAdmissionLog({ dir, now: () => NOW });
    await first.open();
    await first.record(admission('tkt_old', 1, NOW + 1000));
    await first.record(admission('tkt_new', 1));
    await first.close();
    const later = createAdmissionLog({ dir, now: () => NOW + 2000 });
    expect(await later.open()).toEqual({ admissions: 1, unreadable: 0 });
    expect(later.admitted('tkt_old')).toBe(0);
    await later.close();
    expect(await readFile(join(dir, 'admissions.jsonl'), 'utf8')).not.toContain('tkt_old');
  });
});
