import { parse } from 'yaml';
import { type StoreLayoutParse, storeLayoutSchema } from './store-layout.ts';

/**
 * Reads a store layout file as installers write it (YAML) or as firmware-config generates
 * it (`layout.json`; JSON is YAML too), with the same schema: never throws, says which
 * field is wrong. firmware-config's validator gives positions and every problem; this is
 * the loader of the apps that run on a layout, which only need to refuse a bad one.
 */
export function parseStoreLayoutText(text: string): StoreLayoutParse {
  let data: unknown;
  try {
    // Aliases are bounded so that a small file cannot expand into a huge document.
    data = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      detail: `not YAML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = storeLayoutSchema.safeParse(data);
  if (parsed.success) return { ok: true, layout: parsed.data };
  const detail = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || 'layout'}: ${issue.message}`)
    .join('; ');
  return { ok: false, detail };
}
