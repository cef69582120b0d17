import { z } from 'zod';
import type { Path } from './yaml-positions.ts';

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function field(value: unknown, segment: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Reflect.get(value, segment);
}

/** The option of a discriminated union that the data's discriminator selects, if any. */
function pickOption(schema: z.ZodType, value: unknown): z.ZodType {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;
  const discriminator = schema._zod.def.discriminator;
  const wanted = field(value, discriminator);
  for (const option of schema.options) {
    const candidate = unwrap(option as z.ZodType);
    if (!(candidate instanceof z.ZodObject)) continue;
    const literal = candidate.shape[discriminator];
    if (literal instanceof z.ZodLiteral && [...literal.values].some((v) => v === wanted))
      return candidate;
  }
  return schema;
}

/**
 * The keys the schema allows for the object at `path` of `data`: the candidates for a
 * "did you mean" when a key there is unknown.
 */
export function knownKeysAt(schema: z.ZodType, path: Path, data: unknown): string[] {
  let current = pickOption(unwrap(schema), data);
  let value = data;
  for (const segment of path) {
    value = field(value, segment);
    if (current instanceof z.ZodObject) {
      const next = current.shape[String(segment)];
      if (!next) return [];
      current = unwrap(next as z.ZodType);
    } else if (current instanceof z.ZodArray) {
      current = unwrap(current.element as z.ZodType);
    } else {
      return [];
    }
    current = pickOption(current, value);
  }
  if (current instanceof z.ZodObject) return Object.keys(current.shape);
  if (current instanceof z.ZodDiscriminatedUnion) {
    return [
      ...new Set(
        current.options.flatMap((option) => {
          const object = unwrap(option as z.ZodType);
          return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
        }),
      ),
    ];
  }
  return [];
}
