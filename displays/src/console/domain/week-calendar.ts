import {
  createZonedCalendar,
  dayNumberOf,
  instantOfLocal,
  minutesOfDay,
  type StoredCampaign,
  WEEKDAYS,
  type Weekday,
} from '@vitrine/shared';

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 24 * 60;

/** One stretch of a campaign on one day of the week, in the store's wall-clock time. */
export interface CalendarBlock {
  campaignId: string;
  name: string;
  status: StoredCampaign['status'];
  /** Minutes since local midnight: where the block sits on the day's column. */
  startMinute: number;
  endMinute: number;
  /** Real minutes between start and end: differs from the wall clock on a DST day. */
  realMinutes: number;
  /** Part of a window that started the day before (a window past midnight). */
  continued: boolean;
  /** Side by side with the blocks it overlaps: its column within the day, from 0. */
  lane: number;
}

export interface CalendarDay {
  date: string;
  weekday: Weekday;
  /** Real hours the day lasts in the store's zone: 23 or 25 on a DST change. */
  hours: number;
  /** Campaigns that run the whole day: a band above the hours, not a column. */
  allDay: CalendarBlock[];
  /** Stretches of the day, the whole-day ones left out. */
  blocks: CalendarBlock[];
  /** Columns the day needs for its overlapping blocks (at least 1). */
  lanes: number;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week `at` falls in, on the store's wall clock. */
export function weekStartOf(at: Date, timeZone: string): string {
  const local = createZonedCalendar(timeZone).at(at.getTime());
  return isoDateOf(local.day - local.weekday);
}

/** Moves a date by whole days (a week: 7), on the calendar, whatever the zone. */
export function addDays(date: string, days: number): string {
  return isoDateOf(dayNumberOf(date) + days);
}

function hhmm(minute: number): string {
  const hours = String(Math.floor(minute / 60)).padStart(2, '0');
  return `${hours}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The instant the store's wall clock first shows `minute` of `date` or later: a time the
 * clocks skip starts the block where the clocks land.
 */
function instantAt(timeZone: string, date: string, minute: number): number {
  if (minute >= MINUTES_PER_DAY) return instantAt(timeZone, addDays(date, 1), 0);
  for (let later = minute; later < minute + 180; later += 15) {
    const found = instantOfLocal(timeZone, `${date}T${hhmm(later)}`);
    if (found.kind === 'instant') return found.at.getTime();
  }
  throw new Error(`no instant for ${date} ${hhmm(minute)} in ${timeZone}`);
}

function reaches(campaign: StoredCampaign, storeId: string): boolean {
  const { stores } = campaign.targets;
  return stores === 'all' || stores.includes(storeId);
}

function scheduledOn(campaign: StoredCampaign, date: string): boolean {
  const { from, until } = campaign.schedule;
  return date >= from && (until === null || date <= until);
}

function weekdayOfDate(date: string): Weekday {
  // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(((dayNumberOf(date) + 3) % 7) + 7) % 7] as Weekday;
}

/** A campaign's wall-clock stretches on one date: its windows, or the whole day. */
function stretchesOn(campaign: StoredCampaign, date: string) {
  const stretches: { start: number; end: number; continued: boolean }[] = [];
  const { windows } = campaign.schedule;
  if (windows.length === 0) {
    return scheduledOn(campaign, date)
      ? [{ start: 0, end: MINUTES_PER_DAY, continued: false }]
      : [];
  }
  const yesterday = addDays(date, -1);
  for (const window of windows) {
    const start = minutesOfDay(window.start);
    const end = minutesOfDay(window.end);
    const overnight = end <= start;
    if (scheduledOn(campaign, date) && window.days.includes(weekdayOfDate(date))) {
      stretches.push({ start, end: overnight ? MINUTES_PER_DAY : end, continued: false });
    }
    // A window belongs to the day it starts on: its hours past midnight come from yesterday.
    if (
      overnight &&
      end > 0 &&
      scheduledOn(campaign, yesterday) &&
      window.days.includes(weekdayOfDate(yesterday))
    ) {
      stretches.push({ start: 0, end, continued: true });
    }
  }
  return stretches;
}

/**
 * The week from `weekStart` in one store: each day with the stretches of the campaigns
 * that reach the store, placed on the store's wall clock, as its schedules read it.
 * Archived campaigns are left out.
 */
export function layOutWeek(
  campaigns: StoredCampaign[],
  { storeId, timeZone, weekStart }: { storeId: string; timeZone: string; weekStart: string },
): CalendarDay[] {
  const shown = campaigns.filter(
    (campaign) => campaign.status !== 'archived' && reaches(campaign, storeId),
  );
  return Array.from({ length: 7 }, (_, offset) => {
    const date = addDays(weekStart, offset);
    const dayStart = instantAt(timeZone, date, 0);
    const blocks = shown.flatMap((campaign) =>
      stretchesOn(campaign, date).map((stretch) => ({
        campaignId: campaign.id,
        name: campaign.name,
        status: campaign.status,
        startMinute: stretch.start,
        endMinute: stretch.end,
        realMinutes:
          (instantAt(timeZone, date, stretch.end) - instantAt(timeZone, date, stretch.start)) /
          60_000,
        continued: stretch.continued,
        lane: 0,
      })),
    );
    blocks.sort((a, b) => a.startMinute - b.startMinute || a.name.localeCompare(b.name));
    const wholeDay = (block: CalendarBlock) =>
      block.startMinute === 0 && block.endMinute === MINUTES_PER_DAY;
    const laneEnds: number[] = [];
    const placed = blocks
      .filter((block) => !wholeDay(block))
      .map((block) => {
        const free = laneEnds.findIndex((end) => end <= block.startMinute);
        const lane = free === -1 ? laneEnds.length : free;
        laneEnds[lane] = block.endMinute;
        return { ...block, lane };
      });
    return {
      date,
      weekday: weekdayOfDate(date),
      hours: (instantAt(timeZone, addDays(date, 1), 0) - dayStart) / 3_600_000,
      allDay: blocks.filter(wholeDay),
      blocks: placed,
      lanes: Math.max(1, laneEnds.length),
    };
  });
}
