import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPerson, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();

const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Détails du parcours' });

/** Drags with the mouse, as a person does (no scrolling while the button is down). */
async function drag(page: Page, from: Locator, to: Locator) {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 10);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 20, a.y + 30, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('the side panel on a shared board', () => {
  it('shares the framing card and the priority actions live, and exports the actions as CSV', async () => {
    const alice = await newPerson(app.browser, 'Alice Martin', '#7c3aed');
    const bruno = await newPerson(app.browser, 'Bruno Petit', '#db2777');
    const a = alice.page;
    const b = bruno.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await b.goto(await shareLink(a, 'facilitator'));
    await b.getByRole('heading', { name: 'Découverte' }).waitFor();

    // Alice fills the framing card; Bruno sees it once she leaves the field.
    await a.getByRole('button', { name: 'Cadrage', exact: true }).click();
    await b.getByRole('button', { name: 'Cadrage', exact: true }).click();
    await panel(a).getByRole('textbox', { name: 'Objectif' }).fill('Faire passer l’abandon de panier de 72 % à 55 %');
    await panel(a).getByRole('textbox', { name: 'Horizon' }).click();
    await expect
      .poll(() => panel(b).getByRole('textbox', { name: 'Objectif' }).inputValue())
      .toBe('Faire passer l’abandon de panier de 72 % à 55 %');
    await panel(a).getByRole('radio', { name: 'Cible (demain)' }).check();
    await expect.poll(() => panel(b).getByRole('radio', { name: 'Cible (demain)' }).isChecked()).toBe(true);

    // Alice adds an action: it waits, not placed yet; Bruno drags it onto strategic projects.
    await panel(a).getByRole('tab', { name: 'Actions' }).click();
    await panel(b).getByRole('tab', { name: 'Actions' }).click();
    await panel(a).getByRole('textbox', { name: 'Nouvelle action prioritaire' }).fill('Refondre le tunnel de paiement');
    await panel(a).getByRole('textbox', { name: 'Nouvelle action prioritaire' }).press('Enter');
    const card = (page: Page) => panel(page).getByRole('article', { name: 'Action : Refondre le tunnel de paiement' });
    await panel(b).getByRole('region', { name: 'Pas encore placées' }).getByRole('article').waitFor();
    expect(await panel(b).getByRole('region', { name: 'Gains rapides' }).getByRole('article').count()).toBe(0);
    await drag(b, card(b), panel(b).getByRole('region', { name: 'Projets stratégiques' }));
    await panel(b)
      .getByRole('region', { name: 'Projets stratégiques' })
      .getByRole('article', { name: 'Action : Refondre le tunnel de paiement' })
      .waitFor();
    await panel(a)
      .getByRole('region', { name: 'Projets stratégiques' })
      .getByRole('article', { name: 'Action : Refondre le tunnel de paiement' })
      .waitFor();

    // Escape closes Bruno's panel; the canvas takes the whole width again.
    const canvasWidth = () => b.locator('.board-main__canvas').evaluate((el) => el.getBoundingClientRect().width);
    const narrow = await canvasWidth();
    await panel(b).getByRole('tab', { name: 'Actions' }).focus();
    await b.keyboard.press('Escape');
    await expect.poll(() => panel(b).count()).toBe(0);
    await expect.poll(canvasWidth).toBeGreaterThan(narrow + 300);

    // The CSV: named after the board, UTF-8 with a byte-order mark, ';' in French.
    const [download] = await Promise.all([a.waitForEvent('download'), panel(a).getByRole('button', { name: 'Exporter en CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('nouveau-parcours-client-actions.csv');
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Rang;Action;Responsable;/);
    expect(lines[1]).toBe('1;Refondre le tunnel de paiement;;;À faire;3;3;Projets stratégiques;');

    await alice.context.close();
    await bruno.context.close();
  });
});
