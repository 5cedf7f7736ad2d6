/**
 * The body of a call that writes KPI values: read within its size, decoded as text, and split
 * into rows, from JSON (`{"values": [...]}`), JSON lines or CSV. Whatever a client sends, the
 * answer is an HttpError or rows; nothing here trusts the body.
 */
import type { IncomingMessage } from 'node:http';
import { MAX_METRICS_BODY_BYTES, MAX_VALUES_PER_CALL } from '../src/model/metrics';
import { decodeText, guessMapping, parseDelimited } from '../src/model/metricsFile';
import type { RawRow } from '../src/model/metricsRows';
import { HttpError } from './apiHttp';

/** Reads the whole body, refusing (413) past `max` bytes without reading the rest. */
export async function readBody(req: IncomingMessage, max = MAX_METRICS_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max)
    throw new HttpError(413, `the body is larger than ${max} bytes: send at most ${MAX_VALUES_PER_CALL} values per call`, {
      Connection: 'close',
    });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max)
      throw new HttpError(413, `the body is larger than ${max} bytes: send at most ${MAX_VALUES_PER_CALL} values per call`, {
        Connection: 'close',
      });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooMany = () =>
  new HttpError(413, `more than ${MAX_VALUES_PER_CALL} values in one call: nothing was written; split the values into several calls`);

function rowOf(value: unknown, line: number): RawRow {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { line, kpi: undefined, date: undefined, value: undefined, notAnObject: true };
  const o = value as Record<string, unknown>;
  return { line, kpi: o.kpi ?? o.kpiId, stage: o.stage, date: o.date, value: o.value };
}

/** Rows of a JSON body: `{"values": [...]}` (line = position in the list, from 1) or one JSON object per line. */
function jsonRows(text: string): RawRow[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && !trimmed.includes('\n')) {
    // A single object: either a wrapper {"values": […]}, or one value on its own.
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new HttpError(400, 'the body is not valid JSON');
    }
    const list = (parsed as { values?: unknown }).values;
    if (Array.isArray(list)) {
      if (list.length > MAX_VALUES_PER_CALL) throw tooMany();
      return list.map((v, i) => rowOf(v, i + 1));
    }
    return [rowOf(parsed, 1)];
  }
  const rows: RawRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (rows.length >= MAX_VALUES_PER_CALL) throw tooMany();
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    rows.push(rowOf(parsed, i + 1));
  }
  return rows;
}

/** Rows of a CSV body: a header naming the columns (date, kpi, value; stage optional), in French or English. */
function csvRows(text: string): RawRow[] {
  const table = parseDelimited(text);
  const [header, ...body] = table.rows;
  if (!header) return [];
  const map = guessMapping(header);
  if (map.kpi === undefined || map.date === undefined || map.value === undefined) {
    throw new HttpError(400, 'the CSV header must name the columns date, kpi and value (or date, indicateur, valeur); stage is optional');
  }
  if (body.length > MAX_VALUES_PER_CALL) throw tooMany();
  const cell = (row: string[], i: number | undefined) => (i === undefined ? undefined : row[i]);
  return body.map((row, i) => ({
    line: table.lines[i + 1]!,
    kpi: cell(row, map.kpi),
    stage: cell(row, map.stage),
    date: cell(row, map.date),
    value: cell(row, map.value),
  }));
}

/** The rows of a body, by its Content-Type (JSON, JSON lines, CSV), else by its first character. */
export function rowsOfBody(bytes: Uint8Array, contentType: string | undefined): RawRow[] {
  const decoded = decodeText(bytes);
  if (!decoded) throw new HttpError(415, 'the body is binary: send JSON lines or CSV text');
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new HttpError(400, 'the body holds no values');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return csvRows(text);
  if (type.includes('json')) return jsonRows(text);
  return text.trimStart().startsWith('{') ? jsonRows(text) : csvRows(text);
}
