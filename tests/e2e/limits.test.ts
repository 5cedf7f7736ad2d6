import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../src/model/limits';
import { journeyTemplate } from '../../src/model/templates';
import { appUnderTest, newPerson } from '../helpers/browser';

const app = appUnderTest();

describe('a new board and what it takes in', () => {
  it('starts from the e-commerce template with its example cards, and cuts a 62 000-character paste to a card’s length', async () => {
    const { page, context } = await newPerson(app.browser, 'Camille Conseil');
    await page.goto(app.relay.httpUrl);
    await page.getByRole('button', { name: /Nouveau tableau/ }).click();
    await page.getByRole('heading', { name: 'Découverte' }).waitFor();
    for (const example of journeyTemplate('ecommerce', 'fr').examples) {
      await page
        .getByRole('article', { name: new RegExp(example.text.slice(0, 30)) })
        .getByText('Exemple')
        .waitFor();
    }

    // A whole document pasted over a cell: one card, cut to the length the card editor allows.
    const cell = await page.getByRole('group', { name: 'Usage & fidélisation × Téléphone', exact: true }).boundingBox();
    if (!cell) throw new Error('the cell is not on screen');
    await page.mouse.move(cell.x + 40, cell.y + 30);
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
      },
      `Je ${'x'.repeat(61_997)}`,
    );
    const notice = page.getByRole('status').filter({ hasText: 'collé' });
    await expect
      .poll(() => notice.textContent())
      .toContain(`1 point de contact collé. Ctrl+Z pour annuler. 1 texte coupé à ${TEXT_LIMITS.touchpointText} caractères.`);
    const card = page.getByRole('article', { name: /Je xxxxxxxx/ });
    await expect.poll(async () => /Je x+/.exec((await card.textContent()) ?? '')?.[0].length).toBe(TEXT_LIMITS.touchpointText);
    await context.close();
  });
});
