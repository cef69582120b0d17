/**
 * Read-only views of the YAML's plain data before (or despite) schema validation, so that
 * cross-field rules run on a layout that also has shape errors: every problem at once.
 */
export type RawRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface RawItem {
  index: number;
  item: RawRecord;
}

/** The map entries of a top-level list, with their index in the list. */
export function rawItems(data: unknown, list: string): RawItem[] {
  const value = isRecord(data) ? data[list] : undefined;
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (isRecord(item) ? [{ index, item }] : []));
}

export function rawString(record: RawRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export function rawValue(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

const SINGULAR: Record<string, string> = {
  zones: 'zone',
  beacons: 'beacon',
  nodes: 'node',
  screens: 'screen',
};

/** How a message names what it is about: `beacon b-entrance-2`, `zones[3]`, `store`. */
export function subjectOf(
  data: unknown,
  path: readonly PropertyKey[],
): { subject: string; rest: PropertyKey[] } {
  const [list, index, ...rest] = path;
  if (typeof list === 'string' && typeof index === 'number' && SINGULAR[list]) {
    const item = rawValue(data, [list, index]);
    const id = isRecord(item) ? rawString(item, 'id') : undefined;
    return { subject: id ? `${SINGULAR[list]} ${id}` : `${list}[${index}]`, rest };
  }
  if (typeof list === 'string' && path.length > 1) {
    return { subject: list, rest: path.slice(1) };
  }
  return { subject: typeof list === 'string' ? list : 'layout', rest: [] };
}
