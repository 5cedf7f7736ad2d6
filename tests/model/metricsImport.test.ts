import { describe, expect, it } from 'vitest';
import { initialMapping, previewImport, readMetricsFile, type MetricsTable } from '../../src/model/metricsImport';
import type { KpiRef } from '../../src/model/metricsRows';
import { makeXlsx } from '../helpers/xlsx';

const refs: KpiRef[] = [
  { id: 'k_conv', name: 'Taux de conversion', stageName: 'Achat' },
  { id: 'k_nps', name: 'NPS', stageName: 'Usage & fidélisation' },
  { id: 'k_nps2', name: 'NPS', stageName: 'Recommandation' },
];

const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => ({ é: 0xe9, É: 0xc9, '€': 0x80 })[c] ?? c.charCodeAt(0)));

async function table(bytes: Uint8Array, name = 'mesures.csv'): Promise<MetricsTable> {
  const read = await readMetricsFile(bytes, name);
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

describe('importing a metrics file', () => {
  it('reads a French Excel CSV in Windows-1252 and lists the rows it refuses with their lines', async () => {
    const csv =
      'Date;Étape;Indicateur;Valeur\r\n31/01/2025;Achat;Taux de conversion;2,1\r\n28/02/2025;Achat;Taux de conversion;2,4\r\n28/02/2025;Achat;Taux de conversion;2,5\r\n31/01/2025;Découverte;NPS;30\r\n31/01/2025;Recommandation;NPS;1 234,5\r\n32/01/2025;Achat;Taux de conversion;3\r\n31/03/2025;Achat;Taux de conversion;n/a\r\n31/03/2025;Achat;CSAT;80\r\n';
    const t = await table(cp1252(csv));
    expect(t).toMatchObject({ kind: 'csv', delimiter: ';', encoding: 'windows-1252', header: ['Date', 'Étape', 'Indicateur', 'Valeur'] });
    const mapping = initialMapping(t);
    expect(mapping).toEqual({ date: 0, stage: 1, kpi: 2, value: 3 });
    const preview = previewImport(t, mapping, refs);
    expect(preview.values).toEqual([
      { kpiId: 'k_conv', date: '2025-01-31', value: 2.1 },
      { kpiId: 'k_conv', date: '2025-02-28', value: 2.4 },
      { kpiId: 'k_nps2', date: '2025-01-31', value: 1234.5 },
    ]);
    expect(preview.kpiCount).toBe(2);
    expect(preview.rejected).toEqual([
      { line: 4, reason: 'duplicate' },
      { line: 5, reason: 'stage-unknown' },
      { line: 7, reason: 'date-invalid' },
      { line: 8, reason: 'value-invalid' },
      { line: 9, reason: 'kpi-unknown' },
    ]);
  });

  it('reads the first sheet of an XLSX workbook, dates and numbers as cells', async () => {
    const xlsx = makeXlsx([
      ['KPI', 'Date', 'Valeur'],
      ['Taux de conversion', new Date(Date.UTC(2025, 0, 31)), 2.1],
      [null, null, null],
      ['Taux de conversion', '28/02/2025', '2,4'],
    ]);
    const t = await table(xlsx, 'mesures.xlsx');
    expect(t.kind).toBe('xlsx');
    const preview = previewImport(t, initialMapping(t), refs);
    expect(preview.values).toEqual([
      { kpiId: 'k_conv', date: '2025-01-31', value: 2.1 },
      { kpiId: 'k_conv', date: '2025-02-28', value: 2.4 },
    ]);
    expect(preview.rejected).toEqual([]);
  });

  it('says which columns are missing, and reads month-first dates when the file needs it', async () => {
    const t = await table(new TextEncoder().encode('when,what,how much\n03/25/2025,Taux de conversion,2.5\n'));
    expect(previewImport(t, initialMapping(t), refs).missing).toEqual(['date', 'kpi', 'value']);
    const preview = previewImport(t, { date: 0, kpi: 1, value: 2 }, refs);
    expect(preview).toMatchObject({ order: 'mdy', values: [{ kpiId: 'k_conv', date: '2025-03-25', value: 2.5 }] });
  });

  it('refuses a binary file named .csv, an empty file, a file over the limit, and a broken workbook', async () => {
    expect(await readMetricsFile(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'mesures.csv')).toEqual({ problem: 'binary' });
    expect(await readMetricsFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'mesures.csv')).toEqual({ problem: 'binary' });
    expect(await readMetricsFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'mesures.xlsx')).toEqual({
      problem: 'unreadable-xlsx',
    });
    expect(await readMetricsFile(new Uint8Array(0), 'vide.csv')).toEqual({ problem: 'empty' });
    expect(await readMetricsFile(new TextEncoder().encode('date;kpi;valeur\n'), 'entete.csv')).toEqual({ problem: 'no-rows' });
    expect(await readMetricsFile(new Uint8Array(50 * 1024 * 1024), 'gros.csv')).toEqual({ problem: 'too-large' });
  });
});
