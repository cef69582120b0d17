import type { EVENT_KINDS, EVENT_STATUSES, EventWrite, StoredEvent } from '@vitrine/shared';
import { createNumberReader } from '../../domain/form-numbers.ts';
import type { FieldErrors } from '../../domain/problem.ts';

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An event as its editor holds it: text where the marketer types, lists where they tick. */
export interface EventForm {
  name: string;
  description: string;
  kind: EventKind;
  storeIds: string[];
  /** `YYYY-MM-DDTHH:mm`, the same wall-clock time at each store, read in its own zone. */
  startsAt: string;
  endsAt: string;
  capacity: string;
  /** Blank: no segment. */
  segmentId: string;
  hostAssociateIds: string[];
  status: EventStatus;
}

export function emptyEventForm(): EventForm {
  return {
    name: '',
    description: '',
    kind: 'launch',
    storeIds: [],
    startsAt: '',
    endsAt: '',
    capacity: '30',
    segmentId: '',
    hostAssociateIds: [],
    status: 'scheduled',
  };
}

export function formOfEvent(event: StoredEvent): EventForm {
  return {
    name: event.name,
    description: event.description,
    kind: event.kind,
    storeIds: [...event.storeIds],
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: String(event.capacity),
    segmentId: event.segmentId ?? '',
    hostAssociateIds: [...event.hostAssociateIds],
    status: event.status,
  };
}

export type EventWriteRead = { ok: true; write: EventWrite } | { ok: false; fields: FieldErrors };

/**
 * The event the cloud receives. Only what a form cannot say as the schema wants (a number
 * typed as text) is checked here; names, times, stores and hosts are the cloud's to check,
 * and its 400 names the field (a time the clocks skip at one of the stores included).
 */
export function eventWriteOf(form: EventForm): EventWriteRead {
  const numbers = createNumberReader();
  const capacity = numbers.required('capacity', form.capacity);
  if (Object.keys(numbers.errors).length > 0) return { ok: false, fields: numbers.errors };
  const write: EventWrite = {
    name: form.name,
    description: form.description,
    kind: form.kind,
    storeIds: form.storeIds,
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    capacity,
    segmentId: form.segmentId === '' ? null : form.segmentId,
    hostAssociateIds: form.hostAssociateIds,
    status: form.status,
  };
  return { ok: true, write };
}

/** The messages of a field and of its items (`storeIds`, `storeIds.1`), joined. */
export function errorsUnder(errors: FieldErrors, path: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
  return messages.length === 0 ? undefined : messages.join('; ');
}

/** Ticks or unticks one id of a list, keeping the others in their order. */
export function toggled(ids: string[], id: string, on: boolean): string[] {
  const others = ids.filter((candidate) => candidate !== id);
  return on ? [...others, id] : others;
}
