/**
 * Reading a board file: parses its text, checks it against fileSchema.ts and explains every
 * problem by path and reason (`FileIssue`, declared with the file's shape in fileFormat.ts). A
 * file that passes is repaired rather than refused where it can be: over-long texts cut and
 * dangling references dropped (fileRepairs.ts), each with a warning.
 */
import type { z } from 'zod';
import {
  FILE_FORMAT,
  FILE_VERSION,
  type BoardFile,
  type FileIssue,
  type FileProblem,
  type FileReadResult,
  type FileWarning,
} from './fileFormat';
import { fileSchema } from './fileSchema';
import { cutLongTexts, resolveReferences } from './fileRepairs';
import { MAX_FILE_BYTES } from './limits';
import { seriesFromFile, type FileSeries } from './metricsFileFormat';
import { RECORD_KINDS, keyField, recordKey } from './records';

/** `records.touchpoints[3].text` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(file)';
}

const OWN_MESSAGES = new Set<string>(['badId', 'badOrder', 'badDate', 'blank']);

function issueOf(issue: z.core.$ZodIssue): FileIssue {
  const path = formatPath(issue.path);
  if (OWN_MESSAGES.has(issue.message)) return { path, problem: issue.message as FileProblem };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { path, problem: 'missing' }
        : { path, problem: 'wrongType', params: { expected: issue.expected } };
    case 'too_big':
      if (issue.origin === 'string') return { path, problem: 'tooLong', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { path, problem: 'tooMany', params: { max: Number(issue.maximum) } };
      return { path, problem: 'tooLarge', params: { max: Number(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'string') return { path, problem: 'blank' };
      return { path, problem: 'tooSmall', params: { min: Number(issue.minimum) } };
    case 'invalid_value':
      return { path, problem: 'notOneOf', params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_union':
      return { path, problem: 'invalid' };
    default:
      return { path, problem: 'invalid' };
  }
}

/** Most issues reported for one file: past that, the list ends with a count. */
export const MAX_ISSUES = 200;

/**
 * Validates parsed JSON as a board file. On success, the content to write (over-long texts cut,
 * dangling references dropped, orders filled in) and a warning for each repair; otherwise every
 * problem, and nothing to write.
 */
export function readBoardFile(raw: unknown): FileReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== FILE_FORMAT) {
    return { ok: false, issues: [{ path: 'format', problem: 'notBoardFile', params: { expected: FILE_FORMAT } }] };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FILE_VERSION) {
    return { ok: false, issues: [{ path: 'version', problem: 'newerVersion', params: { version, supported: FILE_VERSION } }] };
  }
  const parsed = fileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, MAX_ISSUES).map(issueOf) };
  const records = parsed.data.records as unknown as BoardFile['records'];
  const duplicates = duplicateIds(records);
  if (duplicates.length) return { ok: false, issues: duplicates };
  const warnings: FileWarning[] = [];
  const meta = { ...parsed.data.meta };
  cutLongTexts(meta, records, warnings);
  const resolved = resolveReferences(meta, records);
  const metrics = seriesFromFile(parsed.data.metrics as FileSeries | undefined, new Set(resolved.content.records.kpis.map((k) => k.id)));
  return {
    ok: true,
    content: { ...resolved.content, metrics },
    warnings: [...warnings, ...resolved.warnings],
    scope: parsed.data.scope,
    metricsOmitted: parsed.data.metricsOmitted !== undefined && parsed.data.metrics === undefined,
  };
}

/** Parses file text as JSON, then validates it. */
export function readBoardFileText(text: string): FileReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, issues: [{ path: '(file)', problem: 'tooBig', params: { max: MAX_FILE_BYTES } }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(file)', problem: 'notJson', params: { reason: error instanceof Error ? error.message : String(error) } }],
    };
  }
  return readBoardFile(raw);
}

function duplicateIds(records: BoardFile['records']): FileIssue[] {
  const issues: FileIssue[] = [];
  for (const kind of RECORD_KINDS) {
    const seen = new Set<string>();
    (records[kind] as { id?: string; stageId?: string }[]).forEach((r, i) => {
      const key = recordKey(kind, r);
      if (seen.has(key)) issues.push({ path: `records.${kind}[${i}].${keyField(kind)}`, problem: 'duplicateId', params: { id: key } });
      seen.add(key);
    });
  }
  return issues.slice(0, MAX_ISSUES);
}
