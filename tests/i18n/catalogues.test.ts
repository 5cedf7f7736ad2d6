import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/i18n';
import * as board from '../../src/i18n/messages/board';
import * as exportMessages from '../../src/i18n/messages/export';
import * as journey from '../../src/i18n/messages/journey';
import * as panels from '../../src/i18n/messages/panels';
import * as workshop from '../../src/i18n/messages/workshop';

const modules = { board, export: exportMessages, journey, panels, workshop };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  for (const [name, mod] of Object.entries(modules)) {
    it(`gives every ${name} message an English text with the same placeholders`, () => {
      for (const [key, french] of Object.entries(mod.fr)) {
        const english = (mod.en as Record<string, string>)[key];
        expect(english, key).toBeTruthy();
        expect(placeholders(english!), key).toEqual(placeholders(french as string));
      }
    });
  }

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'stage.delete' as MessageKey, { name: 'Achat' })).toBe('Supprimer l’étape « Achat »');
    expect(translate('en', 'stage.delete' as MessageKey, {})).toBe('Delete stage “{name}”');
  });
});

describe('message keys', () => {
  it('are never defined twice across modules (a later module would silently win)', async () => {
    const mods = await Promise.all(
      ['board', 'export', 'journey', 'panels', 'workshop'].map((m) => import(`../../src/i18n/messages/${m}.ts`) as Promise<{ fr: object }>),
    );
    const seen = new Map<string, number>();
    for (const m of mods) for (const k of Object.keys(m.fr)) seen.set(k, (seen.get(k) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });
});
