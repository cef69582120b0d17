import type {
  CampaignAction,
  CampaignStatus,
  CampaignTrigger,
  CampaignWriteInput,
  CapPeriod,
  StoredCampaign,
  TriggerKind,
  Weekday,
} from '@vitrine/shared';
import { createNumberReader, readList } from './form-numbers.ts';
import type { FieldErrors } from './problem.ts';
import { readSegmentRule } from './segment-rule-text.ts';

/**
 * A campaign as its form holds it: text where the marketer types, choices where they
 * pick. Field names follow the campaign schema, so that the cloud's 4xx, which names
 * fields by their schema path, lands next to the right input.
 */
export interface CampaignForm {
  name: string;
  status: CampaignStatus;
  trigger: {
    kind: TriggerKind;
    minDwellS: string;
    contentIds: string;
    eventId: string;
    n: string;
    scope: 'organisation' | 'this-store';
  };
  audience: { kind: 'everyone' | 'segment' | 'rule'; segmentId: string; rule: string };
  schedule: { from: string; until: string; windows: WindowForm[] };
  targets: { stores: 'all' | string[]; zones: 'all' | string[] };
  caps: { max: string; per: CapPeriod; perVisitAcrossCampaigns: string; cooldownMinutes: string };
  priority: string;
  exclusive: boolean;
  maxDeliveries: string;
  actions: ActionForm[];
}

export interface WindowForm {
  days: Weekday[];
  start: string;
  end: string;
}

export type ActionKind = CampaignAction['kind'];

export interface ActionForm {
  kind: ActionKind;
  suggestion: string;
  contentId: string;
  holdS: string;
  zoneId: string;
  offerId: string;
  eventId: string;
}

export function emptyAction(kind: ActionKind = 'associate-alert'): ActionForm {
  return { kind, suggestion: '', contentId: '', holdS: '', zoneId: '', offerId: '', eventId: '' };
}

/** A new campaign starting `today`: everyone, all stores, an associate alert. */
export function emptyCampaignForm(today: string): CampaignForm {
  return {
    name: '',
    status: 'draft',
    trigger: {
      kind: 'store-enter',
      minDwellS: '',
      contentIds: '',
      eventId: '',
      n: '',
      scope: 'this-store',
    },
    audience: { kind: 'everyone', segmentId: '', rule: '' },
    schedule: { from: today, until: '', windows: [] },
    targets: { stores: 'all', zones: 'all' },
    caps: { max: '1', per: 'visit', perVisitAcrossCampaigns: '', cooldownMinutes: '0' },
    priority: '100',
    exclusive: false,
    maxDeliveries: '',
    actions: [emptyAction()],
  };
}

function triggerForm(trigger: CampaignTrigger): CampaignForm['trigger'] {
  const form = emptyCampaignForm('').trigger;
  switch (trigger.kind) {
    case 'zone-dwell':
      return { ...form, kind: trigger.kind, minDwellS: String(trigger.minDwellS) };
    case 'content-scan':
      return { ...form, kind: trigger.kind, contentIds: trigger.contentIds.join(', ') };
    case 'event-attendance':
      return { ...form, kind: trigger.kind, eventId: trigger.eventId };
    case 'nth-visit':
      return { ...form, kind: trigger.kind, n: String(trigger.n), scope: trigger.scope };
    default:
      return { ...form, kind: trigger.kind };
  }
}

function actionForm(action: CampaignAction): ActionForm {
  const form = emptyAction(action.kind);
  switch (action.kind) {
    case 'associate-alert':
      return { ...form, suggestion: action.suggestion };
    case 'screen-content':
      return {
        ...form,
        contentId: action.contentId,
        holdS: String(action.holdS),
        zoneId: action.zoneId ?? '',
      };
    case 'phone-offer':
      return { ...form, offerId: action.offerId };
    case 'event-invitation':
      return { ...form, eventId: action.eventId };
  }
}

/** The form of a stored campaign, for editing it. */
export function campaignFormOf(campaign: StoredCampaign): CampaignForm {
  const { audience, schedule, caps } = campaign;
  return {
    name: campaign.name,
    status: campaign.status,
    trigger: triggerForm(campaign.trigger),
    audience: {
      kind: audience.kind,
      segmentId: audience.kind === 'segment' ? audience.segmentId : '',
      rule: audience.kind === 'rule' ? JSON.stringify(audience.rule, null, 2) : '',
    },
    schedule: {
      from: schedule.from,
      until: schedule.until ?? '',
      windows: schedule.windows.map((window) => ({ ...window, days: [...window.days] })),
    },
    targets: { stores: campaign.targets.stores, zones: campaign.targets.zones },
    caps: {
      max: String(caps.perCustomer.max),
      per: caps.perCustomer.per,
      perVisitAcrossCampaigns: caps.perVisitAcrossCampaigns?.toString() ?? '',
      cooldownMinutes: String(caps.cooldownMinutes),
    },
    priority: String(campaign.priority),
    exclusive: campaign.exclusive,
    maxDeliveries: campaign.budget.maxDeliveries?.toString() ?? '',
    actions: campaign.actions.map(actionForm),
  };
}

export type CampaignWriteRead =
  | { ok: true; write: CampaignWriteInput }
  | { ok: false; fields: FieldErrors };

type TriggerInput = CampaignWriteInput['trigger'];
type AudienceInput = CampaignWriteInput['audience'];
type ActionInput = CampaignWriteInput['actions'][number];
type Numbers = ReturnType<typeof createNumberReader>;

/**
 * The body the cloud receives. Only what the form alone can tell is checked here (a
 * number that is not one, a rule that does not read); every rule of the campaign schema
 * is the cloud's to check, and its answer names the field.
 */
export function campaignWriteOf(form: CampaignForm): CampaignWriteRead {
  const numbers = createNumberReader();
  const audience = audienceWrite(form.audience, numbers.errors);
  const write: CampaignWriteInput = {
    name: form.name,
    status: form.status,
    trigger: triggerWrite(form.trigger, numbers),
    audience,
    schedule: {
      from: form.schedule.from,
      until: form.schedule.until === '' ? null : form.schedule.until,
      windows: form.schedule.windows,
    },
    targets: form.targets,
    caps: {
      perCustomer: {
        max: numbers.required('caps.perCustomer.max', form.caps.max),
        per: form.caps.per,
      },
      perVisitAcrossCampaigns: numbers.read(
        'caps.perVisitAcrossCampaigns',
        form.caps.perVisitAcrossCampaigns,
      ),
      cooldownMinutes: numbers.read('caps.cooldownMinutes', form.caps.cooldownMinutes) ?? 0,
    },
    priority: numbers.read('priority', form.priority) ?? undefined,
    exclusive: form.exclusive,
    budget: { maxDeliveries: numbers.read('budget.maxDeliveries', form.maxDeliveries) },
    actions: form.actions.map((action, index) => actionWrite(action, `actions.${index}`, numbers)),
  };
  if (Object.keys(numbers.errors).length > 0) return { ok: false, fields: numbers.errors };
  return { ok: true, write };
}

function triggerWrite(trigger: CampaignForm['trigger'], numbers: Numbers): TriggerInput {
  switch (trigger.kind) {
    case 'zone-dwell':
      return {
        kind: trigger.kind,
        minDwellS: numbers.required('trigger.minDwellS', trigger.minDwellS),
      };
    case 'content-scan':
      return { kind: trigger.kind, contentIds: readList(trigger.contentIds) };
    case 'event-attendance':
      return { kind: trigger.kind, eventId: trigger.eventId.trim() };
    case 'nth-visit':
      return {
        kind: trigger.kind,
        n: numbers.required('trigger.n', trigger.n),
        scope: trigger.scope,
      };
    default:
      return { kind: trigger.kind };
  }
}

/** An inline rule is read with the rule schema here, its problems named under `audience.rule`. */
function audienceWrite(
  audience: CampaignForm['audience'],
  errors: Record<string, string>,
): AudienceInput {
  if (audience.kind === 'segment') return { kind: 'segment', segmentId: audience.segmentId };
  if (audience.kind === 'everyone') return { kind: 'everyone' };
  const rule = readSegmentRule(audience.rule);
  if (rule.ok) return { kind: 'rule', rule: rule.rule };
  for (const [path, message] of Object.entries(rule.fields)) {
    errors[path === '' ? 'audience.rule' : `audience.rule.${path}`] = message;
  }
  return { kind: 'everyone' };
}

function actionWrite(action: ActionForm, path: string, numbers: Numbers): ActionInput {
  switch (action.kind) {
    case 'associate-alert':
      return { kind: action.kind, suggestion: action.suggestion };
    case 'screen-content':
      return {
        kind: action.kind,
        contentId: action.contentId.trim(),
        holdS: numbers.read(`${path}.holdS`, action.holdS) ?? undefined,
        zoneId: action.zoneId === '' ? null : action.zoneId,
      };
    case 'phone-offer':
      return { kind: action.kind, offerId: action.offerId };
    case 'event-invitation':
      return { kind: action.kind, eventId: action.eventId.trim() };
  }
}
