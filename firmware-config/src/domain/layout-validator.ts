import { STORE_LAYOUT_VERSION, type StoreLayout, storeLayoutSchema } from '@vitrine/shared';
import { type Document, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import { checkLayoutRules } from './layout-rules.ts';
import { isRecord, rawValue, subjectOf } from './raw-layout.ts';
import { knownKeysAt } from './schema-keys.ts';
import { locate, type Path } from './yaml-positions.ts';

export interface LayoutProblem {
  line: number;
  col: number;
  message: string;
}

export type LayoutValidation =
  | { ok: true; layout: StoreLayout }
  | { ok: false; problems: LayoutProblem[] };

/**
 * Parses a store layout file and checks it completely: YAML syntax, the shared schema,
 * and the cross-field rules. Every problem is reported at once, at the line and column
 * of the node it is about, sorted by position.
 */
export function validateLayout(text: string): LayoutValidation {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // Warnings (a collection used as a key) would go to the process log; the schema
    // reports such a key as unknown anyway.
    logLevel: 'error',
  });
  const at = (path: Path, key = false) => locate(document, lineCounter, path, { key });

  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: sortProblems(
        document.errors.map((error) => ({
          ...lineCounter.linePos(error.pos[0]),
          message: `YAML: ${error.message.split('\n')[0]}`,
        })),
      ),
    };
  }

  const converted = toData(document, lineCounter);
  if (!converted.ok) return converted;
  const data = converted.data;
  const versionProblem = checkVersion(data);
  if (versionProblem) {
    return { ok: false, problems: [{ ...at(['version']), message: versionProblem }] };
  }

  const problems: LayoutProblem[] = [];
  const parsed = storeLayoutSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...describeIssue(issue, data, at));
  }
  for (const rule of checkLayoutRules(data)) {
    const first = rule.firstAt ? ` (first at line ${at(rule.firstAt).line})` : '';
    problems.push({ ...at(rule.path, rule.key), message: `${rule.message}${first}` });
  }

  if (problems.length === 0 && parsed.success) return { ok: true, layout: parsed.data };
  return { ok: false, problems: sortProblems(problems) };
}

/**
 * The plain data of a parsed document. Conversion still fails on an alias to an anchor
 * that does not exist (or an alias bomb): report it at the alias, like a syntax error.
 */
function toData(
  document: Document,
  lineCounter: LineCounter,
): { ok: true; data: unknown } | { ok: false; problems: LayoutProblem[] } {
  try {
    return { ok: true, data: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    let offset = 0;
    visit(document, {
      Alias(_, node) {
        if (node.resolve(document) !== undefined) return undefined;
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ ...lineCounter.linePos(offset), message: `YAML: ${message}` }],
    };
  }
}

/** A layout of another version is read by another tool: say so and check nothing else. */
function checkVersion(data: unknown): string | null {
  if (!isRecord(data)) return 'a layout file is a YAML map (version, store, zones, …)';
  const version = data.version;
  if (version === STORE_LAYOUT_VERSION) return null;
  if (version === undefined)
    return `version: required; this tool reads version ${STORE_LAYOUT_VERSION}`;
  return `version: unsupported version ${JSON.stringify(version)}; this tool reads version ${STORE_LAYOUT_VERSION}`;
}

type Locate = (path: Path, key?: boolean) => { line: number; col: number };

function describeIssue(issue: z.core.$ZodIssue, data: unknown, at: Locate): LayoutProblem[] {
  const path: Path = issue.path;
  const { subject, rest } = subjectOf(data, path);

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(storeLayoutSchema, path, data);
    return issue.keys.map((key) => {
      const near = didYouMean(key, known);
      return {
        ...at([...path, key], true),
        message: `${subject}: unknown key "${key}"${near ? `; did you mean "${near}"?` : ''}`,
      };
    });
  }

  const field = rest.map(String).join('.');
  const value = rawValue(data, path);
  const lead = field ? `${subject}: ${field}` : `${subject}:`;
  if (value === undefined) {
    return [{ ...at(path), message: `${lead} is required` }];
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof value === 'number') {
    // YAML reads unquoted digits (a hex namespace, an all-digit id) as a number.
    return [{ ...at(path), message: `${lead} must be text: put it in quotes` }];
  }
  if (issue.code === 'invalid_union' && field === 'kind') {
    return [
      { ...at(path), message: `${lead} must be "ibeacon" or "eddystone-uid" (got ${show(value)})` },
    ];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((option) => JSON.stringify(option)).join(', ');
    return [{ ...at(path), message: `${lead} must be one of ${options} (got ${show(value)})` }];
  }
  const got =
    value === undefined || isRecord(value) || Array.isArray(value) ? '' : ` (got ${show(value)})`;
  return [{ ...at(path), message: `${lead} ${issue.message}${got}` }];
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function sortProblems(problems: LayoutProblem[]): LayoutProblem[] {
  const unique = new Map(problems.map((p) => [`${p.line}:${p.col}:${p.message}`, p]));
  return [...unique.values()].sort(
    (a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

/** `file:line:col: message`, the form editors and CI logs link to. */
export function formatProblems(file: string, problems: readonly LayoutProblem[]): string[] {
  return problems.map(({ line, col, message }) => `${file}:${line}:${col}: ${message}`);
}
