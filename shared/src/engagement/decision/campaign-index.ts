import type { Campaign } from '../campaign.ts';
import type { Offer } from '../offer.ts';
import type { Segment } from '../segment.ts';
import {
  byRank,
  type CompiledCampaign,
  type CompiledRule,
  compileCampaign,
} from './compiled-campaign.ts';
import {
  type EngagementEvent,
  type EngagementEventKind,
  eventKindsOf,
} from './engagement-types.ts';
import { compileSegmentRule } from './segment-evaluation.ts';

/** What the index is built from: one snapshot of the catalogue. */
export interface IndexedCatalogue {
  campaigns: readonly Campaign[];
  segments: readonly Segment[];
  offers: readonly Offer[];
}

export interface CampaignIndex {
  readonly size: number;
  /**
   * The active campaigns that can answer this event in its store (and zone, content code
   * or in-store event), highest priority first. Everything else is never looked at.
   */
  candidates(event: EngagementEvent): readonly CompiledCampaign[];
  /** Every campaign that targets the store, in any status: for explaining a decision. */
  targeting(storeId: string): readonly CompiledCampaign[];
  get(campaignId: string): CompiledCampaign | undefined;
}

const ANY = '*';

/** The narrower key a campaign is filed under besides its store: zone, code or event. */
function selectorsOf(compiled: CompiledCampaign): readonly string[] {
  const trigger = compiled.campaign.trigger;
  if (trigger.kind === 'content-scan') return [...(compiled.contentIds ?? [])];
  if (trigger.kind === 'event-attendance') return [trigger.eventId];
  return compiled.zones ? [...compiled.zones] : [ANY];
}

function selectorsOfEvent(event: EngagementEvent): readonly string[] {
  if (event.kind === 'zone-enter' || event.kind === 'zone-dwell') return [event.zoneId, ANY];
  if (event.kind === 'content-scan') return [event.contentId];
  if (event.kind === 'event-attendance') return [event.eventId];
  return [ANY];
}

function keyOf(kind: EngagementEventKind, store: string, selector: string): string {
  return `${kind}|${store}|${selector}`;
}

/** Merges lists already in rank order; a campaign is filed under one key per lookup. */
function mergeRanked(lists: readonly (readonly CompiledCampaign[])[]): readonly CompiledCampaign[] {
  const present = lists.filter((list) => list.length > 0);
  if (present.length <= 1) return present[0] ?? [];
  let merged: CompiledCampaign[] = [...(present[0] ?? [])];
  for (const list of present.slice(1)) {
    const next: CompiledCampaign[] = [];
    let i = 0;
    let j = 0;
    while (i < merged.length || j < list.length) {
      const a = merged[i];
      const b = list[j];
      if (b === undefined || (a !== undefined && byRank(a, b) <= 0)) {
        next.push(a as CompiledCampaign);
        i++;
      } else {
        next.push(b);
        j++;
      }
    }
    merged = next;
  }
  return merged;
}

/** One campaign per id, its highest version: what an edge converges on after edits. */
function newestVersions(campaigns: readonly Campaign[]): Iterable<Campaign> {
  const newest = new Map<string, Campaign>();
  for (const campaign of campaigns) {
    const known = newest.get(campaign.id);
    if (!known || campaign.version > known.version) newest.set(campaign.id, campaign);
  }
  return newest.values();
}

/**
 * Compiles a catalogue once per snapshot and files each active campaign under the event
 * kinds its trigger answers, its stores and its zone, content code or in-store event, so
 * that an event reads the few lists that concern it, whatever the organisation's size.
 */
export function buildCampaignIndex(catalogue: IndexedCatalogue): CampaignIndex {
  const segments = new Map<string, CompiledRule>(
    catalogue.segments.map((segment) => [
      segment.id,
      { rule: segment.rule, matches: compileSegmentRule(segment.rule) },
    ]),
  );
  const offers = new Map(catalogue.offers.map((offer) => [offer.id, offer]));
  const all = [...newestVersions(catalogue.campaigns)]
    .map((campaign) => compileCampaign(campaign, { segments, offers }))
    .sort(byRank);
  const byId = new Map(all.map((compiled) => [compiled.id, compiled]));

  const buckets = new Map<string, CompiledCampaign[]>();
  for (const compiled of all) {
    if (!compiled.active) continue;
    const stores = compiled.stores ? [...compiled.stores] : [ANY];
    for (const kind of eventKindsOf(compiled.campaign.trigger.kind)) {
      for (const store of stores) {
        for (const selector of selectorsOf(compiled)) {
          const key = keyOf(kind, store, selector);
          const bucket = buckets.get(key);
          // `all` is in rank order, so every bucket is too.
          if (bucket) bucket.push(compiled);
          else buckets.set(key, [compiled]);
        }
      }
    }
  }

  // Filled on first use: the simulation asks for a few stores, an edge for its own.
  const targetingByStore = new Map<string, readonly CompiledCampaign[]>();
  return {
    size: byId.size,
    candidates(event) {
      const lists: CompiledCampaign[][] = [];
      for (const store of [event.storeId, ANY]) {
        for (const selector of selectorsOfEvent(event)) {
          const bucket = buckets.get(keyOf(event.kind, store, selector));
          if (bucket) lists.push(bucket);
        }
      }
      return mergeRanked(lists);
    },
    targeting(storeId) {
      let list = targetingByStore.get(storeId);
      if (!list) {
        list = all.filter((compiled) => compiled.stores === null || compiled.stores.has(storeId));
        targetingByStore.set(storeId, list);
      }
      return list;
    },
    get(campaignId) {
      return byId.get(campaignId);
    },
  };
}
