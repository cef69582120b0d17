import { type EventSession, type EventWrite, instantOfLocal } from '@vitrine/shared';

interface FieldProblem {
  path: string;
  message: string;
}

export type SessionsOutcome =
  | { ok: true; sessions: EventSession[]; firstStartsAt: Date }
  | { ok: false; problems: FieldProblem[] };

/**
 * When the event runs at each of its stores: the same wall-clock times read in each
 * store's own zone. A time the clocks skip there, an unknown store or an end not after
 * the start is a problem naming its field; every problem is reported at once.
 */
export function sessionsOf(
  write: Pick<EventWrite, 'storeIds' | 'startsAt' | 'endsAt'>,
  timeZones: ReadonlyMap<string, string>,
): SessionsOutcome {
  const problems: FieldProblem[] = [];
  const sessions: EventSession[] = [];
  write.storeIds.forEach((storeId, index) => {
    const timeZone = timeZones.get(storeId);
    if (timeZone === undefined) {
      problems.push({ path: `storeIds.${index}`, message: `no store ${storeId}` });
      return;
    }
    const startsAt = instantOfLocal(timeZone, write.startsAt);
    const endsAt = instantOfLocal(timeZone, write.endsAt);
    const start = readInstant('startsAt', startsAt, storeId, timeZone, problems);
    const end = readInstant('endsAt', endsAt, storeId, timeZone, problems);
    if (start === null || end === null) return;
    if (end <= start) {
      problems.push({ path: 'endsAt', message: 'must be after startsAt' });
      return;
    }
    sessions.push({
      storeId,
      timeZone,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
    });
  });
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
  const firstStartsAt = new Date(Math.min(...sessions.map((s) => Date.parse(s.startsAt))));
  return { ok: true, sessions, firstStartsAt };
}

function readInstant(
  field: 'startsAt' | 'endsAt',
  local: ReturnType<typeof instantOfLocal>,
  storeId: string,
  timeZone: string,
  problems: FieldProblem[],
): Date | null {
  if (local.kind === 'instant') return local.at;
  problems.push({
    path: field,
    message:
      local.kind === 'skipped'
        ? `the clocks skip this time in ${timeZone} (${storeId}): daylight saving`
        : 'not a calendar time',
  });
  return null;
}

/** One problem per field and message: several stores in one zone say it once. */
function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
