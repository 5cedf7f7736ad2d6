/**
 * Tables of values as files and feeds bring them: CSV through papaparse (the separator found by
 * it, `;` included), the text decoded from UTF-8 or, failing that, Windows-1252 (old Excel),
 * and the columns recognised by their French or English names.
 */
import Papa from 'papaparse';

/** The columns a metrics table may have, each with the header names it is recognised by. */
export const METRIC_COLUMNS = {
  date: ['date', 'jour', 'day', 'période', 'periode', 'period', 'mois', 'month'],
  stage: ['étape', 'etape', 'stage', 'phase'],
  kpi: ['kpi', 'indicateur', 'indicator', 'kpi_id', 'metric', 'métrique', 'metrique'],
  value: ['valeur', 'value', 'val', 'montant', 'amount'],
  unit: ['unité', 'unite', 'unit'],
  target: ['cible', 'target', 'objectif', 'goal'],
} as const;

export type MetricColumn = keyof typeof METRIC_COLUMNS;

const fold = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('fr')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** The metrics column a header names, if any. */
export function columnOf(header: string): MetricColumn | null {
  const h = fold(header);
  for (const [column, names] of Object.entries(METRIC_COLUMNS) as [MetricColumn, readonly string[]][]) {
    if (names.some((n) => fold(n) === h)) return column;
  }
  return null;
}

/** For each metrics column, the index of the first header naming it (the mapping step starts from this). */
export function guessMapping(headers: readonly string[]): Partial<Record<MetricColumn, number>> {
  const out: Partial<Record<MetricColumn, number>> = {};
  headers.forEach((h, i) => {
    const c = columnOf(h);
    if (c && out[c] === undefined) out[c] = i;
  });
  return out;
}

/** Whether bytes look like a binary file rather than text (a NUL byte, as no text file has). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Text from a file's bytes: UTF-8 (its BOM dropped) when it is valid UTF-8, else Windows-1252,
 * what Excel wrote before it knew UTF-8 (« é » as one byte 0xE9). Null for a binary file.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } | null {
  if (looksBinary(bytes)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: fixC1(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters at 0x80–0x9F (undefined bytes kept as they are). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Some TextDecoder builds (Node before 23) decode 'windows-1252' as Latin-1, turning « € » or
 * « œ » into control characters; browsers do not. Map that range the way Windows-1252 does.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** A delimited table: its rows of cells (the header first), the file line each starts on, and the separator found. */
export interface DelimitedTable {
  rows: string[][];
  lines: number[];
  delimiter: string;
}

/** Reads CSV text: `;`, `,`, tab or `|` separated, quoted cells with newlines inside, blank lines skipped. */
export function parseDelimited(text: string): DelimitedTable {
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  let delimiter = ',';
  Papa.parse<string[]>(input, {
    delimitersToGuess: [';', ',', '\t', '|'],
    skipEmptyLines: 'greedy',
    step: (result) => {
      delimiter = result.meta.delimiter;
      // The row ends at the cursor; it started after the blank lines and line breaks before it.
      const end = result.meta.cursor;
      const cells = result.data.map((cell) => (typeof cell === 'string' ? cell : String(cell ?? '')));
      const start = firstCharAt(input, counted);
      for (let i = counted; i < start; i++) if (input.charCodeAt(i) === 10) line++;
      rows.push(cells);
      lines.push(line);
      for (let i = start; i < end; i++) if (input.charCodeAt(i) === 10) line++;
      counted = end;
    },
  });
  return { rows, lines, delimiter };
}

/** The first position from `from` that is not a line break or blank. */
function firstCharAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\r\n\s]/.test(text[i]!)) i++;
  return i;
}
