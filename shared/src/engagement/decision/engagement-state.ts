/**
 * What the engine remembers between decisions: per customer the open visit and the
 * history of each campaign delivered to them, and per campaign the deliveries counted
 * against its budget. A plain JSON value, changed only by the functions below, each of
 * which returns a new state and leaves its argument alone: the adapter that keeps it
 * durable writes whatever it is handed.
 */
export interface CampaignHistory {
  /** Deliveries over the campaign's life. */
  total: number;
  /** The most recent delivery instants (epoch ms), oldest first; as many as the caps read. */
  recent: number[];
}

export interface VisitState {
  startedAt: number;
  /** Deliveries in this visit, per campaign. */
  delivered: Record<string, number>;
  /** Deliveries in this visit, all campaigns together. */
  count: number;
}

export interface CustomerEngagement {
  visit: VisitState | null;
  campaigns: Record<string, CampaignHistory>;
}

export interface EngagementState {
  /**
   * Customers spread over shards by a hash of their id (`shardOf`), so that an update
   * copies one shard and the shard table, never every customer the store remembers.
   */
  customers: Record<string, Record<string, CustomerEngagement>>;
  /** Deliveries counted against each campaign's budget. */
  budgets: Record<string, number>;
}

/** What a decision delivered, to be written into the state. */
export interface DeliveryRecord {
  customerId: string;
  at: number;
  /** `keep`: how many recent instants the campaign's caps need remembered. */
  campaigns: { campaignId: string; keep: number }[];
}

/** The longest any cap or cooldown looks back (a month is 30 days, cooldowns ≤ 30 days). */
export const LONGEST_LOOKBACK_MS = 30 * 86_400_000;

export function emptyEngagementState(): EngagementState {
  return { customers: {}, budgets: {} };
}

const NO_ENGAGEMENT: CustomerEngagement = { visit: null, campaigns: {} };

/** The shard of a customer id: two hex digits of its FNV-1a hash, 256 shards. */
export function shardOf(customerId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    hash = Math.imul(hash ^ customerId.charCodeAt(i), 0x01000193);
  }
  return ((hash >>> 0) & 0xff).toString(16).padStart(2, '0');
}

export function customerEngagement(state: EngagementState, customerId: string): CustomerEngagement {
  return state.customers[shardOf(customerId)]?.[customerId] ?? NO_ENGAGEMENT;
}

/** Every customer the state remembers, with what it remembers of them. */
export function* engagedCustomers(
  state: EngagementState,
): Generator<[customerId: string, customer: CustomerEngagement]> {
  for (const shard of Object.values(state.customers)) yield* Object.entries(shard);
}

function withCustomer(
  state: EngagementState,
  customerId: string,
  customer: CustomerEngagement | null,
): EngagementState {
  const key = shardOf(customerId);
  const shard = { ...state.customers[key] };
  if (customer === null) delete shard[customerId];
  else shard[customerId] = customer;
  const customers = { ...state.customers };
  if (Object.keys(shard).length === 0) delete customers[key];
  else customers[key] = shard;
  return { ...state, customers };
}

/** Opens a visit on store enter; a visit already open stays as it is. */
export function startVisit(
  state: EngagementState,
  customerId: string,
  at: number,
): EngagementState {
  const customer = customerEngagement(state, customerId);
  if (customer.visit !== null) return state;
  return withCustomer(state, customerId, {
    ...customer,
    visit: { startedAt: at, delivered: {}, count: 0 },
  });
}

/** Closes the visit on store exit: per-visit caps start again at the next one. */
export function endVisit(state: EngagementState, customerId: string): EngagementState {
  const customer = customerEngagement(state, customerId);
  if (customer.visit === null) return state;
  const rest = { ...customer, visit: null };
  return withCustomer(state, customerId, Object.keys(rest.campaigns).length > 0 ? rest : null);
}

/**
 * Writes a decision's deliveries: into the visit (opened now if the customer arrived
 * without a store enter, e.g. by checking in), the campaign histories and the budgets.
 */
export function recordDeliveries(state: EngagementState, record: DeliveryRecord): EngagementState {
  if (record.campaigns.length === 0) return state;
  const customer = customerEngagement(state, record.customerId);
  const visit = customer.visit ?? { startedAt: record.at, delivered: {}, count: 0 };
  const delivered = { ...visit.delivered };
  const campaigns = { ...customer.campaigns };
  const budgets = { ...state.budgets };
  for (const { campaignId, keep } of record.campaigns) {
    delivered[campaignId] = (delivered[campaignId] ?? 0) + 1;
    const history = campaigns[campaignId] ?? { total: 0, recent: [] };
    campaigns[campaignId] = {
      total: history.total + 1,
      recent: [...history.recent, record.at].slice(-Math.max(1, keep)),
    };
    budgets[campaignId] = (budgets[campaignId] ?? 0) + 1;
  }
  const next = withCustomer(state, record.customerId, {
    visit: { ...visit, delivered, count: visit.count + record.campaigns.length },
    campaigns,
  });
  return { ...next, budgets };
}

/**
 * Takes the organisation-wide delivery counts the cloud reports with a snapshot. A
 * count lower than the edge's own (deliveries not yet uploaded) does not lower it.
 */
export function mergeBudgetCounts(
  state: EngagementState,
  counts: Readonly<Record<string, number>>,
): EngagementState {
  const budgets = { ...state.budgets };
  for (const [campaignId, count] of Object.entries(counts)) {
    budgets[campaignId] = Math.max(budgets[campaignId] ?? 0, count);
  }
  return { ...state, budgets };
}

export interface PruneOptions {
  now: number;
  /** Campaigns in the current catalogue: the histories and budgets of others go. */
  liveCampaignIds: ReadonlySet<string>;
  /** Visits open longer than this are closed (a missed store exit). */
  maxVisitMs?: number;
}

/**
 * Bounds the state: forgets campaigns that left the catalogue, instants older than any
 * cap reads, visits whose exit was never seen, and customers with nothing left.
 */
export function pruneEngagementState(
  state: EngagementState,
  { now, liveCampaignIds, maxVisitMs = 12 * 3_600_000 }: PruneOptions,
): EngagementState {
  const customers: EngagementState['customers'] = {};
  for (const [customerId, customer] of engagedCustomers(state)) {
    const campaigns: Record<string, CampaignHistory> = {};
    for (const [campaignId, history] of Object.entries(customer.campaigns)) {
      if (!liveCampaignIds.has(campaignId)) continue;
      // The total stays: a campaign capped over its whole life still reads it.
      campaigns[campaignId] = {
        total: history.total,
        recent: history.recent.filter((at) => now - at <= LONGEST_LOOKBACK_MS),
      };
    }
    const visit =
      customer.visit !== null && now - customer.visit.startedAt <= maxVisitMs
        ? customer.visit
        : null;
    if (visit === null && Object.keys(campaigns).length === 0) continue;
    const key = shardOf(customerId);
    const shard = customers[key] ?? {};
    shard[customerId] = { visit, campaigns };
    customers[key] = shard;
  }
  const budgets: Record<string, number> = {};
  for (const [campaignId, count] of Object.entries(state.budgets)) {
    if (liveCampaignIds.has(campaignId)) budgets[campaignId] = count;
  }
  return { customers, budgets };
}
