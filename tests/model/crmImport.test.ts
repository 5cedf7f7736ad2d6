import { describe, expect, it } from 'vitest';
import { detectShape, readEntries } from '../../src/model/crmImport';
import { readMetricsFile, type MetricsTable } from '../../src/model/metricsImport';

async function table(csv: string): Promise<MetricsTable> {
  const read = await readMetricsFile(new TextEncoder().encode(csv), 'export.csv');
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

describe('reading a CRM export', () => {
  it('reads one row per stage change, refusing rows without a deal, a stage or a date', async () => {
    const t = await table(
      'Opportunity ID;Stage;Date entered\nA;Lead qualifié;05/01/2025\nA;Démo;15/01/2025\n;Démo;16/01/2025\nB;;16/01/2025\nB;Démo;demain\n',
    );
    const shape = detectShape(t.header);
    expect(shape).toEqual({ kind: 'changes', columns: { deal: 0, stage: 1, date: 2 } });
    const read = readEntries(t, shape);
    expect(read.entries).toEqual([
      { deal: 'A', crmStage: 'Lead qualifié', date: '2025-01-05' },
      { deal: 'A', crmStage: 'Démo', date: '2025-01-15' },
    ]);
    expect(read.rejected).toEqual([
      { line: 4, reason: 'deal-missing' },
      { line: 5, reason: 'stage-missing' },
      { line: 6, reason: 'date-invalid' },
    ]);
  });

  it('reads a HubSpot-style export with a « Date entered » column per stage', async () => {
    const t = await table(
      'Record ID,Deal Name,"Date entered ""Appointment scheduled (Sales Pipeline)""","Date entered ""Closed won (Sales Pipeline)"""\n1,Acme,2025-01-03,2025-02-10\n2,Globex,2025-01-20,\n',
    );
    const shape = detectShape(t.header);
    expect(shape).toEqual({
      kind: 'wide',
      deal: 0,
      stages: [
        { index: 2, name: 'Appointment scheduled' },
        { index: 3, name: 'Closed won' },
      ],
    });
    expect(readEntries(t, shape).entries).toEqual([
      { deal: '1', crmStage: 'Appointment scheduled', date: '2025-01-03' },
      { deal: '1', crmStage: 'Closed won', date: '2025-02-10' },
      { deal: '2', crmStage: 'Appointment scheduled', date: '2025-01-20' },
    ]);
  });
});
