import { describe, expect, it } from 'vitest';
import { csvField, detectDelimiter, parseCsv, protectCell, unprotectCell, writeCsv } from '../../src/model/csv';

describe('CSV', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, and reports their start line', () => {
    const text = 'a;b;c\r\n"x;1";"he said ""hi""";"two\nlines"\r\nlast;;\n';
    const { records, unterminatedAt } = parseCsv(text, ';');
    expect(unterminatedAt).toBeNull();
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x;1', 'he said "hi"', 'two\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('skips a byte-order mark and blank lines, and reads CR-only line ends', () => {
    expect(parseCsv('\uFEFFa,b\r\r\nc,d\re,f', ',').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('reports an unterminated quote with the line it opened on', () => {
    expect(parseCsv('a;b\n1;"open\nstill open', ';').unterminatedAt).toBe(2);
  });

  it('keeps a quote in the middle of an unquoted field as a character', () => {
    expect(parseCsv('5" screen;ok', ';').records[0]?.fields).toEqual(['5" screen', 'ok']);
  });

  it('detects the delimiter from the first record, ignoring quoted text', () => {
    expect(detectDelimiter('étape;canal;texte\n"a,b,c,d";x;y')).toBe(';');
    expect(detectDelimiter('"stage;x",channel,text')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('quotes only the fields that need it, and writes BOM + CRLF', () => {
    expect(csvField('plain', ';')).toBe('plain');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b', ',')).toBe('a;b');
    expect(csvField('say "x"', ',')).toBe('"say ""x"""');
    expect(csvField(' padded', ',')).toBe('" padded"');
    expect(
      writeCsv(
        [
          ['a', 'b'],
          ['c', 'd\ne'],
        ],
        ',',
      ),
    ).toBe('\uFEFFa,b\r\nc,"d\ne"\r\n');
  });

  it('reads back what it writes, whatever the content', () => {
    const rows = [
      ['Découverte', 'Je paie ; puis « j’attends »', 'emoji 🎉👩‍💻'],
      ['"quoted"', 'multi\r\nline\nmixed', ''],
      ['', ',;\t', 'x'],
    ];
    for (const delimiter of [',', ';'] as const) {
      expect(parseCsv(writeCsv(rows, delimiter), delimiter).records.map((r) => r.fields)).toEqual(rows);
    }
  });

  it('protects cells that a spreadsheet would run as formulas, reversibly', () => {
    for (const value of ['=HYPERLINK("x")', '+33 1 23', '-x', '@sum', "'=already", 'Je paie', "'apostrophe"]) {
      expect(unprotectCell(protectCell(value))).toBe(value);
    }
    expect(protectCell('=1+1')).toBe("'=1+1");
    expect(protectCell('Je paie')).toBe('Je paie');
  });
});
