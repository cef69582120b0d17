import type { PlaylistDraftInput } from '@vitrine/shared';
import { WEEKDAYS } from '@vitrine/shared';
import { createNumberReader } from '../../domain/form-numbers.ts';
import type { FieldErrors } from '../../domain/problem.ts';

export type Weekday = (typeof WEEKDAYS)[number];

/** Content scheduled on a screen or a zone's screens: one item, from a day, at some hours. */
export interface ScheduleForm {
  name: string;
  /** `screen:<id>` or `zone:<id>`. */
  target: string;
  contentId: string;
  /** `YYYY-MM-DD` in the store's zone; blank: open. */
  validFrom: string;
  validUntil: string;
  /** `HH:mm` on the store's clock; both blank: all day. */
  start: string;
  end: string;
  days: Weekday[];
  priority: string;
}

export function emptyScheduleForm(): ScheduleForm {
  return {
    name: '',
    target: '',
    contentId: '',
    validFrom: '',
    validUntil: '',
    start: '',
    end: '',
    days: [...WEEKDAYS],
    priority: '60',
  };
}

export type DraftRead =
  | { ok: true; draft: PlaylistDraftInput }
  | { ok: false; fields: FieldErrors };

function targetOf(target: string): PlaylistDraftInput['target'] | null {
  const [kind, id] = target.split(':');
  if (kind === 'screen' && id) return { kind: 'screen', screenId: id };
  if (kind === 'zone' && id) return { kind: 'zone', zoneId: id };
  return null;
}

/** The playlist the cloud receives; what it names wrongly comes back as its 400, by field. */
export function playlistDraftOf(form: ScheduleForm, storeId: string): DraftRead {
  const numbers = createNumberReader();
  const priority = numbers.required('priority', form.priority);
  const fields: Record<string, string> = { ...numbers.errors };
  const target = targetOf(form.target);
  if (target === null) fields.target = 'choose a screen or a zone';
  if (form.contentId === '') fields['entries.0.contentId'] = 'choose an item';
  const allDay = form.start === '' && form.end === '';
  if (!allDay && form.days.length === 0) fields['dayparts.0.days'] = 'choose a day';
  if (Object.keys(fields).length > 0 || target === null) return { ok: false, fields };
  return {
    ok: true,
    draft: {
      name: form.name,
      storeId,
      target,
      priority,
      entries: [{ contentId: form.contentId, shareOfVoice: 100 }],
      dayparts: allDay ? [] : [{ days: form.days, start: form.start, end: form.end }],
      validFrom: form.validFrom === '' ? null : form.validFrom,
      validUntil: form.validUntil === '' ? null : form.validUntil,
    },
  };
}
