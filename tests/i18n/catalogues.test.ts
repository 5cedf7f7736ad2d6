import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/i18n';

type Catalogue = Record<string, string>;
interface MessageModule {
  fr: Catalogue;
  en: Catalogue;
}

// Every module of the folder, so a new one is checked without being listed here.
const folder = fileURLToPath(new URL('../../src/i18n/messages/', import.meta.url));
const names = readdirSync(folder)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const modules: Record<string, MessageModule> = Object.fromEntries(
  await Promise.all(names.map(async (name) => [name, (await import(`../../src/i18n/messages/${name}.ts`)) as MessageModule] as const)),
);
// A module another one spreads in (board.ts takes keyboard.ts) is part of that catalogue, not one of its own.
const parts = new Set(
  names.flatMap((name) => [...readFileSync(`${folder}${name}.ts`, 'utf8').matchAll(/from '\.\/(\w+)'/g)].map((m) => m[1]!)),
);
const catalogues = Object.entries(modules).filter(([name]) => !parts.has(name));
const all = Object.values(modules).flatMap((m) => [...Object.entries(m.fr), ...Object.entries(m.en)]);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Placeholders that stand for a number of things: a word after one must agree with it. */
const COUNTS = new Set([
  'count',
  'days',
  'left',
  'total',
  'added',
  'removed',
  'reevaluated',
  'reworded',
  'journeys',
  'stages',
  'channels',
  'touchpoints',
  'others',
  'delight',
  'improvable',
  'pain',
]);
const PLURAL_FORM = /\.(zero|one|two|few|many|other)$/;

describe('message catalogues', () => {
  for (const [name, mod] of Object.entries(modules)) {
    it(`gives every ${name} message an English text with the same placeholders`, () => {
      expect(Object.keys(mod.en).sort()).toEqual(Object.keys(mod.fr).sort());
      for (const [key, french] of Object.entries(mod.fr)) {
        const english = mod.en[key];
        expect(english, key).toBeTruthy();
        expect(placeholders(english!), key).toEqual(placeholders(french));
      }
    });
  }

  it('serves every module through translate()', () => {
    for (const [, mod] of catalogues)
      for (const [key, french] of Object.entries(mod.fr))
        if (!/\{/.test(french)) expect(translate('fr', key as MessageKey), key).toBe(french);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'stage.delete', { name: 'Achat' })).toBe('Supprimer l’étape « Achat »');
    expect(translate('en', 'stage.delete', {})).toBe('Delete stage “{name}”');
  });

  it('never writes « (s) »: a count chooses its form through the plural rule instead', () => {
    const hedged = all.filter(([, text]) => /\((s|e|es|x)\)/i.test(text));
    expect(hedged).toEqual([]);
  });

  it('puts every word that follows a count in a message with plural forms', () => {
    const unagreed = all.filter(
      ([key, text]) => !PLURAL_FORM.test(key) && [...text.matchAll(/\{(\w+)\}\s+\p{Ll}/gu)].some((m) => COUNTS.has(m[1]!)),
    );
    expect(unagreed).toEqual([]);
  });

  it('spells out both the « one » and the « other » form of every plural message', () => {
    const keys = new Set(Object.values(modules).flatMap((m) => Object.keys(m.fr)));
    const bases = [...keys].filter((k) => PLURAL_FORM.test(k)).map((k) => k.replace(PLURAL_FORM, ''));
    for (const base of bases) {
      expect(keys.has(`${base}.one`), base).toBe(true);
      expect(keys.has(`${base}.other`), base).toBe(true);
      // A plural base is never also a message of its own: t('x') and t.plural('x', n) would drift apart.
      expect(keys.has(base), base).toBe(false);
    }
  });

  it('never glues a number to its unit', () => {
    const glued = all.filter(([, text]) => /(\d|\})(px|pt|pts|mm|dpi|jours?|days?|min)(?![\p{L}])/u.test(text));
    expect(glued).toEqual([]);
  });
});

describe('message keys', () => {
  it('are never defined twice across modules (a later module would silently win)', () => {
    const seen = new Map<string, number>();
    for (const [, m] of catalogues) for (const k of Object.keys(m.fr)) seen.set(k, (seen.get(k) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });
});
