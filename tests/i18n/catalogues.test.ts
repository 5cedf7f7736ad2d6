import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/i18n';
import * as board from '../../src/i18n/messages/board';
import * as exportMessages from '../../src/i18n/messages/export';
import * as journey from '../../src/i18n/messages/journey';
import * as panels from '../../src/i18n/messages/panels';

const modules = { board, export: exportMessages, journey, panels };
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
