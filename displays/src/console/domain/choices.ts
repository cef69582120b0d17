/** The option a `<select>` reports, as one of the values it offered; else the fallback. */
export function pick<T extends string>(options: readonly T[], value: string, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}
