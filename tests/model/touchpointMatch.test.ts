import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../src/model/limits';
import { planTouchpointImport, touchpointsCsv } from '../../src/model/touchpointCsv';
import { textsCut } from '../../src/model/touchpointMatch';
import type { Channel, Stage } from '../../src/model/types';
import { EN, FR } from '../helpers/csvLabels';
import { board, journey, lane, touchpoint } from '../helpers/records';

const stages = [lane<Stage>({ id: 's1', name: 'Découverte', order: '1' }), lane<Stage>({ id: 's2', name: 'Achat', order: '2' })];
const channels = [lane<Channel>({ id: 'c1', name: 'Site web', order: '1' }), lane<Channel>({ id: 'c2', name: 'Email', order: '2' })];
const cards = [
  touchpoint({ id: 'tA', stageId: 's1', channelId: 'c1', text: 'Je lis un avis', evaluation: 'delight', order: '1' }),
  touchpoint({ id: 'tB', stageId: 's2', channelId: 'c1', text: 'Je paie', evaluation: 'pain', order: '1', momentOfTruth: true }),
  touchpoint({ id: 'tC', stageId: 's2', channelId: 'c2', text: 'Je reçois la facture', order: '1' }),
];
const snapshot = board({ journeys: [journey({ id: 'j' })], stages, channels, touchpoints: cards });
const target = { stages, channels, touchpoints: cards };

describe('re-importing a CSV of touchpoints', () => {
  it('matches every row of an unchanged export to its card: nothing to add, nothing to update', () => {
    for (const [labels, delimiter] of [
      [FR, ';'],
      [EN, ','],
    ] as const) {
      const plan = planTouchpointImport(touchpointsCsv(snapshot, 'j', labels, delimiter), target, [FR, EN], true);
      expect(plan.add).toEqual([]);
      expect(plan.update).toEqual([]);
      expect(plan.unchanged.map((u) => u.touchpointId).sort()).toEqual(['tA', 'tB', 'tC']);
    }
  });

  it('finds a card by its id even when the spreadsheet changed its text, cell or colour', () => {
    const csv = ['Étape;Canal;Texte;Évaluation;Moment de vérité;Identifiant', 'Achat;Email;Je paie en trois fois;vert;oui;tB'].join('\n');
    const plan = planTouchpointImport(csv, target, [FR], true);
    expect(plan.add).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({ touchpointId: 'tB', changes: ['text', 'evaluation', 'cell'] });
  });

  it('without ids, matches by cell and text (spaces and line ends aside), each card once', () => {
    const csv = [
      'Étape;Canal;Texte;Évaluation',
      'Découverte;Site web;"  Je lis\r\nun avis ";rouge',
      'Découverte;Site web;Je lis un avis;',
      'Achat;Site web;Je paie;Irritant',
    ].join('\n');
    const plan = planTouchpointImport(csv, target, [FR], true);
    expect(plan.update.map((u) => [u.touchpointId, u.changes])).toEqual([['tA', ['evaluation']]]);
    expect(plan.unchanged.map((u) => u.touchpointId)).toEqual(['tB']);
    // The second copy of the same card in the file is a new card: one card matches one row.
    expect(plan.add.map((r) => r.line)).toEqual([4]); // the quoted line break makes the first row two lines long
  });

  it('compares only the columns the file has', () => {
    const plan = planTouchpointImport('Étape;Canal;Texte\nAchat;Site web;Je paie\n', target, [FR], true);
    expect(plan.unchanged.map((u) => u.touchpointId)).toEqual(['tB']);
    expect(plan.update).toEqual([]);
  });

  it('ignores ids of cards that are not on this journey', () => {
    const plan = planTouchpointImport('Étape;Canal;Texte;Identifiant\nAchat;Email;Je relance;ailleurs\n', target, [FR], true);
    expect(plan.add.map((r) => r.text)).toEqual(['Je relance']);
  });
});

describe('CSV texts longer than their limit', () => {
  it('cuts card texts and new lane names to their limit instead of refusing the row', () => {
    const long = 'Je '.padEnd(2500, 'x');
    const plan = planTouchpointImport(`Étape;Canal;Texte\n${'É'.repeat(90)};Site web;${long}\n`, target, [FR], true);
    expect(plan.rejected).toEqual([]);
    expect(plan.add[0]!.text).toHaveLength(TEXT_LIMITS.touchpointText);
    expect(plan.add[0]!.fileText).toHaveLength(2500);
    expect(textsCut(plan.add)).toBe(1);
    expect(plan.newStages).toEqual(['É'.repeat(TEXT_LIMITS.laneName)]);
    expect(plan.add[0]!.stageName).toBe(plan.newStages[0]);
    expect(plan.cutNames).toBe(1);
  });

  it('does not cut an older, longer card that the file gives back unchanged', () => {
    const old = 'J'.repeat(1200);
    const legacy = { ...target, touchpoints: [touchpoint({ id: 'tL', stageId: 's1', channelId: 'c1', text: old })] };
    const plan = planTouchpointImport(`Étape;Canal;Texte;Évaluation;Identifiant\nDécouverte;Site web;${old};vert;tL\n`, legacy, [FR], true);
    expect(plan.update[0]).toMatchObject({ touchpointId: 'tL', changes: ['evaluation'] });
    expect(plan.update[0]!.row.text).toBe(old);
    expect(textsCut(plan.update.map((u) => u.row))).toBe(0);
  });
});
