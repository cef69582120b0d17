import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StoreLayout } from '@vitrine/shared';
import { validateLayout } from '../../src/domain/layout-validator.ts';

/** A layout file of the repository, validated; throws with its problems if it is not. */
export function loadLayout(relative: string): StoreLayout {
  const file = fileURLToPath(new URL(`../${relative}`, import.meta.url));
  const result = validateLayout(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${relative}: ${JSON.stringify(result.problems)}`);
  return result.layout;
}
