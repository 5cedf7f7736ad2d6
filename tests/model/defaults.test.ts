import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, LOCALES, defaultBoard, newBoardContent } from '../../src/model/defaults';
import { TEMPLATE_IDS, journeyTemplate } from '../../src/model/templates';

describe('a new board', () => {
  it('takes the lanes of the default template, without its examples, as the default board', () => {
    for (const locale of LOCALES) {
      const template = journeyTemplate(DEFAULT_TEMPLATE, locale);
      const board = defaultBoard(locale);
      expect(board.stages).toEqual(template.stages);
      expect(board.channels).toEqual(template.channels);
      expect(board.examples).toBeUndefined();
    }
  });

  it('brings the example cards of every template that has lanes, e-commerce included', () => {
    for (const locale of LOCALES) {
      for (const id of TEMPLATE_IDS) {
        const content = newBoardContent(locale, id);
        expect(content.examples, `${id} ${locale}`).toEqual(journeyTemplate(id, locale).examples);
        if (id !== 'blank') expect(content.examples!.length, `${id} ${locale}`).toBeGreaterThan(0);
      }
    }
    expect(newBoardContent('fr', 'ecommerce')).toMatchObject({ title: 'Nouveau parcours client', journeyName: 'Parcours existant' });
    expect(newBoardContent('en').examples?.[0]?.text).toBe('I see an ad for the brand on social media');
  });
});
