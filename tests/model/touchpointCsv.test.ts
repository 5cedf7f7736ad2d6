import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../src/model/limits';
import { planTouchpointImport, touchpointsCsv } from '../../src/model/touchpointCsv';
import { EN, FR } from '../helpers/csvLabels';
import { board, journey, lane, touchpoint } from '../helpers/records';
import type { Channel, Stage } from '../../src/model/types';

const stages = [lane<Stage>({ id: 's1', name: 'Découverte', order: '1' }), lane<Stage>({ id: 's2', name: 'Achat', order: '2' })];
const channels = [lane<Channel>({ id: 'c1', name: 'Site web', order: '1' }), lane<Channel>({ id: 'c2', name: 'Email', order: '2' })];
const lanes = { stages, channels };

describe('touchpoint CSV', () => {
  it('writes one row per card in stage, channel and card order, with the interface words', () => {
    const b = board({
      journeys: [journey({ id: 'j' })],
      stages,
      channels,
      touchpoints: [
        touchpoint({
          id: 't2',
          stageId: 's2',
          channelId: 'c1',
          text: 'Je paie; enfin',
          evaluation: 'pain',
          order: '1',
          momentOfTruth: true,
        }),
        touchpoint({ id: 't1', stageId: 's1', channelId: 'c2', text: 'Je lis\nla lettre', evaluation: 'delight', order: '1' }),
        touchpoint({ id: 't3', stageId: 's1', channelId: 'c2', text: 'Je clique', order: '2' }),
        touchpoint({ id: 'tx', stageId: 'gone', channelId: 'c2', text: 'orphan' }),
      ],
    });
    const csv = touchpointsCsv(b, 'j', FR, ';');
    expect(csv).toBe(
      '\uFEFFÉtape;Canal;Position;Texte;Évaluation;Moment de vérité;Identifiant\r\n' +
        'Découverte;Email;1;"Je lis\nla lettre";Enchantement;;t1\r\n' +
        'Découverte;Email;2;Je clique;;;t3\r\n' +
        'Achat;Site web;1;"Je paie; enfin";Irritant;oui;t2\r\n',
    );
  });

  it('reads French or English headers and words, and green / orange / red', () => {
    const text =
      'stage,channel,text,evaluation,moment of truth\nachat,SITE WEB,Je paie,rouge,yes\nDécouverte,Email,Je lis,Delight,\nDecouverte,Email,Je relis,orange,non\nAchat,Email,Je reçois,À améliorer,x\n';
    const plan = planTouchpointImport(text, lanes, [FR, EN], false);
    expect(plan.fatal).toBeNull();
    expect(plan.rejected).toEqual([]);
    expect(plan.delimiter).toBe(',');
    expect(plan.add.map((r) => [r.stageId, r.channelId, r.text, r.evaluation, r.momentOfTruth])).toEqual([
      ['s2', 'c1', 'Je paie', 'pain', true],
      ['s1', 'c2', 'Je lis', 'delight', false],
      ['s1', 'c2', 'Je relis', 'improvable', false],
      ['s2', 'c2', 'Je reçois', 'improvable', true],
    ]);
  });

  it('rejects rows with line numbers and reasons, and keeps the good ones', () => {
    const text = [
      'Étape;Canal;Texte;Évaluation;Position;Moment de vérité',
      'Achat;Site web;"Je paie\nen deux fois";violet;;',
      ';Email;Je lis;;;',
      'Achat;;Je lis;;;',
      'Achat;Email;   ;;;',
      'Achat;Email;Je lis;;deux;',
      'Achat;Email;Je lis;;;peut-être',
      'Livraison;Email;Je reçois;;;',
      'Achat;Fax;Je faxe;;;',
      'Achat;Email;Je lis;vert;1;',
    ].join('\n');
    const plan = planTouchpointImport(text, lanes, [FR, EN], false);
    expect(plan.rejected).toEqual([
      { line: 2, problem: 'badEvaluation', value: 'violet' },
      { line: 4, problem: 'missingStage' },
      { line: 5, problem: 'missingChannel' },
      { line: 6, problem: 'emptyText' },
      { line: 7, problem: 'badPosition', value: 'deux' },
      { line: 8, problem: 'badMomentOfTruth', value: 'peut-être' },
      { line: 9, problem: 'unknownStage', value: 'Livraison' },
      { line: 10, problem: 'unknownChannel', value: 'Fax' },
    ]);
    expect(plan.add.map((r) => r.line)).toEqual([11]);
  });

  it('plans the creation of unknown stages and channels when asked', () => {
    const text = 'Étape;Canal;Texte\nLivraison;Fax;Je faxe\nlivraison;Email;Je lis\nAchat;Courrier;Je poste\n';
    const plan = planTouchpointImport(text, lanes, [FR], true);
    expect(plan.newStages).toEqual(['Livraison']);
    expect(plan.newChannels).toEqual(['Fax', 'Courrier']);
    expect(plan.add.map((r) => [r.stageId, r.stageName, r.channelId, r.channelName])).toEqual([
      [null, 'Livraison', null, 'Fax'],
      [null, 'Livraison', 'c2', 'Email'],
      ['s2', 'Achat', null, 'Courrier'],
    ]);
  });

  it('refuses rows past the most one import may add, naming that number', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Achat;Email;Je lis ${i}`);
    const plan = planTouchpointImport(['Étape;Canal;Texte', ...rows].join('\n'), lanes, [FR], false);
    expect(plan.add).toHaveLength(MAX_IMPORT_ROWS);
    expect(plan.rejected).toEqual([{ line: MAX_IMPORT_ROWS + 2, problem: 'tooManyRows', value: String(MAX_IMPORT_ROWS) }]);
  });

  it('stops with one clear reason when the file cannot be read at all', () => {
    expect(planTouchpointImport('Étape;Canal\nAchat;Email', lanes, [FR], false).fatal).toEqual({
      problem: 'missingColumns',
      columns: ['text'],
    });
    expect(planTouchpointImport('Étape;Canal;Texte\nAchat;Email;"Je', lanes, [FR], false).fatal).toEqual({
      problem: 'unterminatedQuote',
      line: 2,
    });
    expect(planTouchpointImport('', lanes, [FR], false).fatal).toEqual({ problem: 'noRows' });
    expect(planTouchpointImport('Étape;Canal;Texte\n', lanes, [FR], false).fatal).toEqual({ problem: 'noRows' });
  });
});
