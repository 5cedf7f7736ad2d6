import { describe, expect, it } from 'vitest';
import { actionRows, actionsCsv, linkedTexts, type ActionCsvLabels, type LinkTargets } from '../../src/model/actionsCsv';
import { csvDelimiterFor, parseCsv } from '../../src/model/csv';
import type { Action } from '../../src/model/types';

const labels: ActionCsvLabels = {
  headers: {
    rank: 'Rang',
    title: 'Action',
    owner: 'Responsable',
    due: 'Échéance',
    status: 'Statut',
    impact: 'Impact',
    effort: 'Effort',
    quadrant: 'Priorité',
    links: 'Liens',
  },
  statuses: { todo: 'À faire', doing: 'En cours', done: 'Fait' },
  quadrants: {
    quickWins: 'Gains rapides',
    strategic: 'Projets stratégiques',
    ifTime: 'Si le temps le permet',
    avoid: 'À éviter',
    unplaced: 'Pas encore placée',
  },
};

const targets: LinkTargets = {
  painPoints: [{ id: 'pp1', text: 'Formulaire de devis de 14 champs' }],
  touchpoints: [{ id: 'tp1', text: 'Je remplis le formulaire; puis j’attends' }],
};

let n = 0;
function action(fields: Partial<Action>): Action {
  n++;
  return {
    id: `a${n}`,
    journeyId: null,
    title: `Action ${n}`,
    owner: '',
    due: '',
    status: 'todo',
    impact: 2,
    effort: 2,
    placed: true,
    links: [],
    order: String(n),
    ...fields,
  };
}

describe('actions CSV', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = actionsCsv([action({ title: 'Raccourcir le formulaire' })], targets, labels, ';');
    expect(csv.startsWith('\uFEFFRang;Action;Responsable;Échéance;Statut;Impact;Effort;Priorité;Liens\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('separates fields with ";" in French and "," in English', () => {
    expect(csvDelimiterFor('fr')).toBe(';');
    expect(csvDelimiterFor('en')).toBe(',');
    const a = action({ title: 'Appeler', owner: 'SAV', impact: 4, effort: 1 });
    expect(actionsCsv([a], targets, labels, ';').split('\r\n')[1]).toBe('1;Appeler;SAV;;À faire;4;1;Gains rapides;');
    expect(actionsCsv([a], targets, labels, ',').split('\r\n')[1]).toBe('1,Appeler,SAV,,À faire,4,1,Gains rapides,');
  });

  it('quotes fields holding the separator, quotes or line breaks, doubling the quotes', () => {
    const a = action({ title: 'Dire "bonjour"; puis\nrelancer', owner: 'Ventes, marketing' });
    const fr = actionsCsv([a], targets, labels, ';');
    expect(fr).toContain('1;"Dire ""bonjour""; puis\nrelancer";Ventes, marketing;');
    const en = actionsCsv([a], targets, labels, ',');
    expect(en).toContain('1,"Dire ""bonjour""; puis\nrelancer","Ventes, marketing",');
    // A CSV reader gets the very same texts back.
    const parsed = parseCsv(fr, ';');
    expect(parsed.records[1]!.fields.slice(1, 3)).toEqual(['Dire "bonjour"; puis\nrelancer', 'Ventes, marketing']);
  });

  it('lists actions in rank order: quick wins first, then strategic, if time, avoid, done last', () => {
    const avoid = action({ title: 'avoid', impact: 1, effort: 4 });
    const done = action({ title: 'done', impact: 4, effort: 1, status: 'done' });
    const strategic = action({ title: 'strategic', impact: 4, effort: 4 });
    const quickSmall = action({ title: 'quick 3', impact: 3, effort: 1 });
    const quickBig = action({ title: 'quick 4', impact: 4, effort: 2 });
    const ifTime = action({ title: 'if time', impact: 2, effort: 1 });
    const rows = actionRows([avoid, done, strategic, quickSmall, quickBig, ifTime], targets, labels);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual([
      ['1', 'quick 4', 'Gains rapides'],
      ['2', 'quick 3', 'Gains rapides'],
      ['3', 'strategic', 'Projets stratégiques'],
      ['4', 'if time', 'Si le temps le permet'],
      ['5', 'avoid', 'À éviter'],
      ['6', 'done', 'Gains rapides'],
    ]);
    expect(rows[6]![4]).toBe('Fait');
  });

  it('names the linked pain points and touchpoints, leaving out deleted ones', () => {
    const a = action({ links: ['tp1', 'gone', 'pp1'] });
    expect(linkedTexts(a, targets)).toEqual(['Formulaire de devis de 14 champs', 'Je remplis le formulaire; puis j’attends']);
    const line = actionsCsv([a], targets, labels, ';').split('\r\n')[1]!;
    expect(line.endsWith(';"Formulaire de devis de 14 champs | Je remplis le formulaire; puis j’attends"')).toBe(true);
  });

  it('keeps spreadsheet formulas from running', () => {
    const rows = actionRows([action({ title: '=HYPERLINK("x")', owner: '+33 1 23' })], targets, labels);
    expect(rows[1]![1]).toBe('\'=HYPERLINK("x")');
    expect(rows[1]![2]).toBe("'+33 1 23");
  });

  it('writes only the header when there is no action', () => {
    expect(actionsCsv([], targets, labels, ',')).toBe('\uFEFFRang,Action,Responsable,Échéance,Statut,Impact,Effort,Priorité,Liens\r\n');
  });
});
