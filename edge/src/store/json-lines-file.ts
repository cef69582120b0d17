import { type FileHandle, mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';

/** What a JSON-lines file held: the lines that parsed, and how many did not. */
export interface JsonLinesRead<T> {
  records: T[];
  /** Lines that did not parse: the last one torn by a power cut, or damaged bytes. */
  unreadable: number;
}

/** An append-only file of one JSON record a line, each synced to disk as it is written. */
export interface JsonLinesFile<T> {
  /** Every line read back and parsed; none when the file does not exist yet. */
  read(): Promise<JsonLinesRead<T>>;
  /** Replaces the file with `records` (atomically) and opens it for appending. */
  openWith(records: readonly T[]): Promise<void>;
  /** On disk (fdatasync) before it resolves. */
  append(record: T): Promise<void>;
  close(): Promise<void>;
}

export interface JsonLinesFileOptions<Schema extends z.ZodType> {
  dir: string;
  file: string;
  /** Every line read or appended is parsed with it. */
  schema: Schema;
  /** What the file is, for the error of an append before `openWith`: "the offer ledger". */
  name: string;
}

export function createJsonLinesFile<Schema extends z.ZodType>({
  dir,
  file,
  schema,
  name,
}: JsonLinesFileOptions<Schema>): JsonLinesFile<z.infer<Schema>> {
  const path = join(dir, file);
  let handle: FileHandle | undefined;
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
          return { records: [], unreadable: 0 };
        }
        throw error;
      }
      const records: z.infer<Schema>[] = [];
      let unreadable = 0;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          unreadable++;
          continue;
        }
        const parsed = schema.safeParse(json);
        if (parsed.success) records.push(parsed.data);
        else unreadable++;
      }
      return { records, unreadable };
    },
    async openWith(records) {
      await replaceFileAtomically(
        dir,
        file,
        records.map((record) => `${JSON.stringify(record)}\n`).join(''),
      );
      handle = await open(path, 'a');
    },
    async append(record) {
      if (!handle) throw new Error(`${name} is not open`);
      await handle.appendFile(`${JSON.stringify(schema.parse(record))}\n`);
      await handle.datasync();
    },
    async close() {
      await handle?.close();
      handle = undefined;
    },
  };
}

/**
 * Writes `text` to a temporary file, syncs it, renames it over `file` and syncs the folder
 * (created if missing): a crash at any point leaves the old content or the new, never a
 * torn file.
 */
export async function replaceFileAtomically(dir: string, file: string, text: string) {
  await mkdir(dir, { recursive: true });
  const path = join(dir, file);
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
