import { parseArgs } from 'node:util';
import { formatProblems, validateLayout } from '../domain/layout-validator.ts';
import { readSecrets } from '../domain/secrets-file.ts';
import { renderStoreFiles } from '../domain/store-files.ts';

export const USAGE = `usage:
  layout validate <layout.yaml>...
  layout generate <layout.yaml> --secrets <secrets file> --out <folder>`;

/** What the CLI touches outside itself; main passes the real ones, tests fakes. */
export interface CliIo {
  readFile: (path: string) => string;
  /** Writes a file, creating its folder. */
  writeFile: (path: string, content: string) => void;
  randomBytes: (size: number) => Uint8Array;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Runs one command; returns the exit code (0 ok, 1 invalid input, 2 usage). */
export function runCli(args: readonly string[], io: CliIo): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [command, ...files] = parsed.positionals;
  if (command === 'validate' && files.length > 0) return validate(files, io);
  if (command === 'generate' && files.length === 1 && parsed.values.secrets && parsed.values.out) {
    return generate(files[0] ?? '', parsed.values.secrets, parsed.values.out, io);
  }
  io.stderr(USAGE);
  return 2;
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { secrets: { type: 'string' }, out: { type: 'string' } },
  });
}

function load(file: string, io: CliIo) {
  try {
    return validateLayout(io.readFile(file));
  } catch (error) {
    return {
      ok: false as const,
      problems: [{ line: 0, col: 0, message: `cannot read: ${errorText(error)}` }],
    };
  }
}

function validate(files: readonly string[], io: CliIo): number {
  let failed = false;
  for (const file of files) {
    const result = load(file, io);
    if (result.ok) {
      const { zones, beacons, nodes, screens } = result.layout;
      const counts = [
        count(zones.length, 'zone'),
        count(beacons.length, 'beacon'),
        count(nodes.length, 'node'),
        count(screens.length, 'screen'),
      ];
      io.stdout(`${file}: ok (${result.layout.store.id}: ${counts.join(', ')})`);
    } else {
      failed = true;
      for (const line of formatProblems(file, result.problems)) io.stderr(line);
    }
  }
  return failed ? 1 : 0;
}

function generate(file: string, secretsFile: string, out: string, io: CliIo): number {
  const result = load(file, io);
  if (!result.ok) {
    for (const line of formatProblems(file, result.problems)) io.stderr(line);
    return 1;
  }
  let secretsText: string;
  try {
    secretsText = io.readFile(secretsFile);
  } catch (error) {
    io.stderr(`${secretsFile}: cannot read: ${errorText(error)}`);
    return 1;
  }
  const secrets = readSecrets(secretsText, result.layout);
  if (!secrets.ok) {
    for (const { line, message } of secrets.problems) {
      io.stderr(line > 0 ? `${secretsFile}:${line}: ${message}` : `${secretsFile}: ${message}`);
    }
    return 1;
  }
  const files = renderStoreFiles(result.layout, secrets.accounts, { randomBytes: io.randomBytes });
  for (const [name, content] of Object.entries(files)) {
    io.writeFile(`${out}/${name}`, content);
    io.stdout(`wrote ${out}/${name}`);
  }
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
