import { readFile } from 'node:fs/promises';
import { parseStoreLayoutText, type StoreLayout } from '@vitrine/shared';

export class LayoutFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`store layout ${file}: ${detail}`);
    this.name = 'LayoutFileError';
  }
}

/**
 * The store layout the edge runs presence on: the YAML installers write, or the
 * `layout.json` firmware-config generates. A layout for another store is refused: its
 * zones and nodes are not this store's.
 */
export async function loadLayoutFile(file: string, storeId: string): Promise<StoreLayout> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LayoutFileError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = parseStoreLayoutText(text);
  if (!parsed.ok) throw new LayoutFileError(file, parsed.detail);
  if (parsed.layout.store.id !== storeId) {
    throw new LayoutFileError(
      file,
      `it is the layout of ${parsed.layout.store.id}, this edge is ${storeId}`,
    );
  }
  return parsed.layout;
}
