import { instantOfLocal, type SimulatedEvent, type SimulationRequest } from '@vitrine/shared';
import { createNumberReader } from './form-numbers.ts';
import type { FieldErrors } from './problem.ts';

export const SIMULATED_KINDS = [
  'store-enter',
  'zone-enter',
  'zone-dwell',
  'content-scan',
  'check-in',
  'event-attendance',
] as const satisfies readonly SimulatedEvent['kind'][];

export interface SimulationForm {
  customerId: string;
  storeId: string;
  /** `YYYY-MM-DDTHH:MM` on the store's wall clock, as its schedules read it. */
  localTime: string;
  kind: (typeof SIMULATED_KINDS)[number];
  zoneId: string;
  dwellS: string;
  contentId: string;
  eventId: string;
}

export type SimulationRead =
  | { ok: true; request: SimulationRequest }
  | { ok: false; fields: FieldErrors };

function eventOf(
  form: SimulationForm,
  numbers: ReturnType<typeof createNumberReader>,
): SimulatedEvent {
  const zoneId = form.zoneId === '' ? null : form.zoneId;
  switch (form.kind) {
    case 'store-enter':
      return { kind: form.kind };
    case 'zone-enter':
      return { kind: form.kind, zoneId: form.zoneId };
    case 'zone-dwell':
      return {
        kind: form.kind,
        zoneId: form.zoneId,
        dwellS: numbers.required('event.dwellS', form.dwellS),
      };
    case 'content-scan':
      return { kind: form.kind, contentId: form.contentId.trim(), zoneId };
    case 'check-in':
      return { kind: form.kind, zoneId };
    case 'event-attendance':
      return { kind: form.kind, eventId: form.eventId.trim() };
  }
}

/**
 * The dry run's request: the store's wall-clock time becomes the instant it names there
 * (a time the clocks skip is refused, never moved); the rest is the cloud's to check.
 */
export function simulationRequestOf(form: SimulationForm, timeZone: string): SimulationRead {
  const numbers = createNumberReader();
  const fields = numbers.errors;
  const event = eventOf(form, numbers);
  const local = instantOfLocal(timeZone, form.localTime);
  if (local.kind === 'skipped')
    fields.at = `the clocks skip ${form.localTime.slice(11)} that day in ${timeZone}`;
  if (local.kind === 'invalid') fields.at = 'must be a date and a time';
  if (local.kind !== 'instant' || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    request: {
      customerId: form.customerId.trim(),
      storeId: form.storeId,
      at: local.at.toISOString(),
      event,
    },
  };
}
