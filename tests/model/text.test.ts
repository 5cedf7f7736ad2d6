import { describe, expect, it } from 'vitest';
import { slugify, speaksAsCustomer, textSplice, type TextSplice } from '../../src/model/text';
import { createRandom } from '../helpers/random';

function apply(text: string, s: TextSplice | null): string {
  return s ? text.slice(0, s.index) + s.insert + text.slice(s.index + s.remove) : text;
}

function isLowSurrogate(code: number | undefined): boolean {
  return code !== undefined && code >= 0xdc00 && code <= 0xdfff;
}

describe('textSplice', () => {
  it('returns null when nothing changed', () => {
    expect(textSplice('Je compare les offres', 'Je compare les offres')).toBeNull();
  });

  it('inserts in the middle without touching the rest', () => {
    expect(textSplice('Je compare offres', 'Je compare les offres')).toEqual({ index: 11, remove: 0, insert: 'les ' });
  });

  it('removes a range', () => {
    expect(textSplice('Je compare les offres', 'Je compare offres')).toEqual({ index: 11, remove: 4, insert: '' });
  });

  it('replaces a range', () => {
    expect(textSplice("J'appelle le support", "J'écris au support")).toEqual({ index: 2, remove: 10, insert: 'écris au' });
  });

  it('handles empty strings on either side', () => {
    expect(textSplice('', 'Je')).toEqual({ index: 0, remove: 0, insert: 'Je' });
    expect(textSplice('Je', '')).toEqual({ index: 0, remove: 2, insert: '' });
  });

  it('counts indices in UTF-16 units after an emoji', () => {
    // '😀' is two UTF-16 units: the insertion point is 4, not 3.
    expect(textSplice('J😀 !', 'J😀 a!')).toEqual({ index: 4, remove: 0, insert: 'a' });
  });

  it('never splits a surrogate pair when two emoji share their first half', () => {
    // U+1F601 and U+1F602 share the high surrogate \uD83D.
    expect(textSplice('😀😁', '😀😂')).toEqual({ index: 2, remove: 2, insert: '😂' });
  });

  it('turns any string into any other, on code point boundaries (seeded)', () => {
    const random = createRandom(42);
    for (let i = 0; i < 2000; i++) {
      const prev = random.chance(0.1) ? '' : random.word(12);
      const next = random.chance(0.5) ? prev.slice(0, random.int(0, prev.length)) + random.word(3) : random.word(12);
      const s = textSplice(prev, next);
      expect(apply(prev, s)).toBe(next);
      if (s) {
        expect(isLowSurrogate(prev.charCodeAt(s.index))).toBe(false);
        expect(isLowSurrogate(prev.charCodeAt(s.index + s.remove))).toBe(false);
      }
    }
  });
});

describe('slugify', () => {
  it.each([
    ['Parcours Client : été', 'parcours-client-ete'],
    ['  Achat — en ligne / magasin  ', 'achat-en-ligne-magasin'],
    ['Évaluation & Recherche 2025', 'evaluation-recherche-2025'],
    ['ÇA MARCHE', 'ca-marche'],
  ])('slugifies %j as %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('falls back when nothing usable is left', () => {
    expect(slugify('')).toBe('parcours');
    expect(slugify('😀 !!')).toBe('parcours');
    expect(slugify('***', 'board')).toBe('board');
  });

  it('keeps slugs at most 80 characters', () => {
    expect(slugify('a'.repeat(200))).toHaveLength(80);
  });

  it('never ends with a hyphen when truncation cuts at a word break', () => {
    const slug = slugify(`${'a'.repeat(79)} bcd`);
    expect(slug).toBe('a'.repeat(79));
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('speaksAsCustomer', () => {
  it('accepts « Je » / « J’ » and « I », flags the company voice', () => {
    for (const ok of ['Je paie', "J'appelle", 'J’attends', 'je compare', 'I pay', "I'm lost", ''])
      expect(speaksAsCustomer(ok), ok).toBe(true);
    for (const bad of ['Envoi de la newsletter', 'Le client paie', 'Jeudi : relance', 'Inscription'])
      expect(speaksAsCustomer(bad), bad).toBe(false);
  });
});
