import type { Sql, TransactionSql } from 'postgres';

const STORES = 75;
const CHUNK = 250_000;

export interface AudienceSeedOptions {
  organisationId: string;
  customers: number;
}

/**
 * An organisation of the size the benches need, generated in SQL (nothing crosses the
 * wire but the statements): 75 stores; customers spread over tiers (1 % platinum, 3 %
 * gold, 16 % silver), home stores, preferences, consents and birth months; two visits
 * for every other customer over two years; a purchase for every fourth. Kept when the
 * database already holds as many customers.
 */
export async function seedAudience(
  sql: Sql,
  { organisationId, customers }: AudienceSeedOptions,
): Promise<{ seconds: number }> {
  const [held] = await sql`select count(*)::int as n from customers
    where organisation_id = ${organisationId}`;
  if (Number(held?.n ?? 0) >= customers) return { seconds: 0 };
  const started = performance.now();
  await sql`delete from purchases where customer_id like 'cus_b%'`;
  await sql`delete from visits where organisation_id = ${organisationId}`;
  await sql`delete from customers where organisation_id = ${organisationId}`;
  await sql`delete from stores where organisation_id = ${organisationId}`;
  await sql`delete from organisations where id = ${organisationId}`;
  await sql`insert into organisations (id, name) values (${organisationId}, 'Bench optics')`;
  await sql`insert into stores (id, organisation_id, name, city, country, time_zone, currency)
    select 'sto_bench-' || lpad(s::text, 3, '0'), ${organisationId}, 'Store ' || s, 'City ' || s,
      'FR', 'Europe/Paris', 'EUR'
    from generate_series(0, ${STORES - 1}) as s`;
  for (let from = 1; from <= customers; from += CHUNK) {
    const to = Math.min(customers, from + CHUNK - 1);
    await sql.begin(async (tx) => {
      await tx`set local synchronous_commit = off`;
      await insertCustomers(tx, organisationId, from, to);
    });
    process.stdout.write(`\rseeding customers ${to.toLocaleString('en')}`);
  }
  process.stdout.write('\n');
  await sql`analyze customers`;
  await sql`analyze visits`;
  await sql`analyze purchases`;
  return { seconds: (performance.now() - started) / 1000 };
}

async function insertCustomers(
  sql: TransactionSql,
  organisationId: string,
  from: number,
  to: number,
) {
  await sql`insert into customers (id, organisation_id, first_name, last_name, email, phone, tier,
      lifetime_value, currency, preferences, home_store_id, consent_tracking, consent_marketing,
      consent_profiling, birth_month)
    select 'cus_b' || lpad(n::text, 7, '0'), ${organisationId}, 'First' || n, 'Last' || n,
      'c' || n || '@example.com', '+3361' || lpad(n::text, 8, '0'),
      case when n % 100 = 0 then 'platinum' when n % 100 < 4 then 'gold'
        when n % 100 < 20 then 'silver' else 'member' end,
      (n::bigint * 7919) % 20000, 'EUR',
      case n % 5 when 0 then array['Leica M', 'lenses'] when 1 then array['film']
        when 2 then array['binoculars', 'tripods'] when 3 then array['compacts']
        else array['lenses', 'straps'] end,
      'sto_bench-' || lpad((n % ${STORES})::text, 3, '0'),
      n % 3 <> 0, n % 2 = 0, n % 10 <> 0, 1 + n % 12
    from generate_series(${from}::int, ${to}::int) as n`;
  await sql`insert into visits (id, organisation_id, customer_id, store_id, visited_at, method)
    select 'vis_b' || n || '_' || k, ${organisationId}, 'cus_b' || lpad(n::text, 7, '0'),
      'sto_bench-' || lpad(((n * 31 + k * 17) % ${STORES})::text, 3, '0'),
      timestamptz '2026-12-02T12:00:00Z' - make_interval(days => (n * 13 + k * 101) % 730),
      'app'
    from generate_series(${from}::int, ${to}::int) as n, generate_series(1, 2) as k
    where n % 2 = 0`;
  await sql`insert into purchases (id, customer_id, store_id, purchased_at, total, currency,
      lines, item_count)
    select 'pur_b' || n, 'cus_b' || lpad(n::text, 7, '0'),
      'sto_bench-' || lpad(((n * 7) % ${STORES})::text, 3, '0'),
      timestamptz '2026-12-02T12:00:00Z' - make_interval(days => (n * 11) % 730),
      400, 'EUR',
      jsonb_build_array(jsonb_build_object('sku', 'SKU-' || n % 500, 'name', 'Item ' || n % 500,
        'category', (array['lenses', 'bodies', 'accessories'])[1 + n % 3], 'quantity', 1,
        'unitPrice', 400)),
      1
    from generate_series(${from}::int, ${to}::int) as n
    where n % 4 = 0`;
}
