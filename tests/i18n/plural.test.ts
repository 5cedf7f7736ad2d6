import { describe, expect, it } from 'vitest';
import { translate, translatePlural, translator } from '../../src/i18n';

describe('plural messages', () => {
  it('follows the French rule: zero and one are singular', () => {
    expect(translatePlural('fr', 'paste.done', 0)).toBe('0 point de contact collé. Ctrl+Z pour annuler.');
    expect(translatePlural('fr', 'paste.done', 1)).toBe('1 point de contact collé. Ctrl+Z pour annuler.');
    expect(translatePlural('fr', 'paste.done', 2)).toBe('2 points de contact collés. Ctrl+Z pour annuler.');
  });

  it('follows the English rule: only one is singular', () => {
    expect(translatePlural('en', 'paste.done', 0)).toBe('0 touchpoints pasted. Ctrl+Z to undo.');
    expect(translatePlural('en', 'paste.done', 1)).toBe('1 touchpoint pasted. Ctrl+Z to undo.');
    expect(translatePlural('en', 'share.days', 7)).toBe('7 days');
  });

  it('reads a form the catalogue does not spell out (French « many ») as « other », with the count written the French way', () => {
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(translatePlural('fr', 'count.touchpoints', 1_000_000)).toBe('1\u202F000\u202F000 points de contact');
  });

  it('fills the other placeholders too', () => {
    expect(translatePlural('fr', 'vote.myDots', 1, { total: 5 })).toBe('Il vous reste 1 point sur 5');
    expect(translatePlural('en', 'vote.myDots', 3, { total: 5 })).toBe('You have 3 dots left of 5');
    expect(translatePlural('fr', 'stage.confirmDelete', 1, { name: 'Achat' })).toBe(
      'Supprimer l’étape « Achat » et son point de contact ?',
    );
  });
});

describe('numbers in messages', () => {
  it('writes a number parameter with the language’s decimal separator', () => {
    expect(translate('fr', 'export.textSize', { points: 5.8 })).toBe('Texte des cartes imprimé à environ 5,8 pt.');
    expect(translate('en', 'export.textSize', { points: 5.8 })).toBe('Card text prints at about 5.8 pt.');
  });

  it('groups thousands the language’s way', () => {
    expect(translate('fr', 'export.pixels', { width: 14043, height: 9933 })).toBe('Image de 14\u202F043 × 9\u202F933 px');
    expect(translate('en', 'export.pixels', { width: 14043, height: 9933 })).toBe('Image of 14,043 × 9,933 px');
  });

  it('leaves text parameters as they are', () => {
    expect(translate('fr', 'stage.delete', { name: '2024.5' })).toBe('Supprimer l’étape « 2024.5 »');
  });
});

describe('the translate function', () => {
  it('is one object per language, so components can depend on it', () => {
    expect(translator('fr')).toBe(translator('fr'));
    expect(translator('fr')).not.toBe(translator('en'));
    expect(translator('en').plural('count.journeys', 2)).toBe('2 journeys');
    expect(translator('fr').list(['1 vert', '2 orange', '3 rouges'])).toBe('1 vert, 2 orange et 3 rouges');
  });
});
