import { type Document, isMap, isNode, isPair, isScalar, isSeq, type LineCounter } from 'yaml';

export type Path = readonly PropertyKey[];

export interface Position {
  line: number;
  col: number;
}

/**
 * Where a path of the parsed data sits in the YAML source. `key: true` points at the key
 * of the last map entry (an unknown key, a duplicate id's `id:`) rather than its value.
 * A path that runs past what the document holds (a missing required key) resolves to
 * the deepest node that exists, so a problem is never reported at line 1 by default.
 */
export function locate(
  document: Document,
  lineCounter: LineCounter,
  path: Path,
  { key = false }: { key?: boolean } = {},
): Position {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (last && key && keyStart !== undefined) {
        offset = keyStart;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}
