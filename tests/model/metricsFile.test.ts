import { describe, expect, it } from 'vitest';
import { decodeText, guessMapping, parseDelimited } from '../../src/model/metricsFile';

describe('metrics files', () => {
  it('reads a French Excel CSV: BOM, semicolons, quoted decimal commas, blank lines, the line each row starts on', () => {
    const table = parseDelimited(
      '\uFEFFDate;Étape;Indicateur;Valeur\r\n31/01/2025;Achat;NPS;"4,5"\r\n\r\n28/02/2025;"Achat\nen ligne";NPS;3\r\n',
    );
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      ['Date', 'Étape', 'Indicateur', 'Valeur'],
      ['31/01/2025', 'Achat', 'NPS', '4,5'],
      ['28/02/2025', 'Achat\nen ligne', 'NPS', '3'],
    ]);
    expect(table.lines).toEqual([1, 2, 4]);
    expect(guessMapping(table.rows[0]!)).toEqual({ date: 0, stage: 1, kpi: 2, value: 3 });
  });

  it('decodes UTF-8, falls back to Windows-1252, and refuses binary files', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFétape'))).toEqual({ text: 'étape', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xc9, 0x74, 0x61, 0x70, 0x65, 0x3b, 0x80]))).toEqual({ text: 'Étape;€', encoding: 'windows-1252' });
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
  });

  it('recognises columns by their French or English names, accents or not', () => {
    expect(guessMapping(['kpi', 'stage', 'day', 'value', 'unit', 'target'])).toEqual({
      kpi: 0,
      stage: 1,
      date: 2,
      value: 3,
      unit: 4,
      target: 5,
    });
    expect(guessMapping(['ETAPE', 'indicateur', 'jour', 'valeur', 'unite', 'cible'])).toEqual({
      stage: 0,
      kpi: 1,
      date: 2,
      value: 3,
      unit: 4,
      target: 5,
    });
    expect(guessMapping(['a', 'b'])).toEqual({});
  });
});
