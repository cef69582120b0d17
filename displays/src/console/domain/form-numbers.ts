/** Fields of a form are text; these read them as the numbers a schema expects. */

export type NumberRead = { ok: true; value: number | null } | { ok: false; message: string };

/** Blank is null (no value: the schema's default or "no limit"); anything else a number. */
export function readNumber(text: string): NumberRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'must be a number' };
}

/** A comma-separated list as its trimmed, non-empty items. */
export function readList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Collects the numbers of a form and the message of each field that is not one. */
export function createNumberReader() {
  const errors: Record<string, string> = {};
  return {
    errors,
    /** The number at `path`; null when blank, or when not a number (then noted). */
    read(path: string, text: string): number | null {
      const read = readNumber(text);
      if (read.ok) return read.value;
      errors[path] = read.message;
      return null;
    },
    /** The number at `path`; blank is noted as missing (the 0 returned is never sent). */
    required(path: string, text: string): number {
      const value = this.read(path, text);
      if (value === null && errors[path] === undefined) errors[path] = 'required';
      return value ?? 0;
    },
  };
}
