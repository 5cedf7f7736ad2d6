/**
 * CSV (RFC 4180) reading and writing: quoted fields with the delimiter, quotes ("") and line
 * breaks inside, CRLF / LF / CR line ends, a UTF-8 byte-order mark. Also reads the tab-separated
 * text that spreadsheets put on the clipboard.
 */
import type { Locale } from './defaults';

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter a spreadsheet of the interface's language expects when it opens a file: `;`
 * where the comma is the decimal mark (French), `,` in English. Every CSV export uses it.
 */
export function csvDelimiterFor(locale: Locale): Delimiter {
  return locale === 'fr' ? ';' : ',';
}

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  delimiter: Delimiter;
  /** A quoted field still open at the end of the file: the line where it started. */
  unterminatedAt: number | null;
}

const BOM = '\uFEFF';

/**
 * The delimiter of a file: whichever of `;`, `,` and tab occurs most on its first record,
 * outside quotes (ties go to `;`, then `,`).
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/**
 * Parses CSV text into records. A quote that opens a field starts a quoted field; elsewhere a
 * quote is kept as a character (as spreadsheets do). Blank lines are skipped unless
 * `keepBlankLines` (a pasted range keeps its empty rows).
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input), keepBlankLines = false): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (keepBlankLines || !(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      quoteLine = line;
      fieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (quoted) return { records, delimiter, unterminatedAt: quoteLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { records, delimiter, unterminatedAt: null };
}

/** One field, quoted when it holds the delimiter, a quote, a line break, or edge spaces. */
export function csvField(value: string, delimiter: Delimiter): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file: byte-order mark (so spreadsheets read UTF-8), CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  return BOM + rows.map((row) => row.map((f) => csvField(f, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

// Spreadsheets run cells starting with these as formulas; a leading apostrophe makes them text.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Protects a text cell from being run as a formula ("=…" becomes "'=…"); `unprotectCell` undoes it. */
export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Removes the apostrophe that `protectCell` added. */
export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) && /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
