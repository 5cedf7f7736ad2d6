/**
 * Moving around a real map as a person does: the keyboard from the skip link to the cards, the
 * wheel and the trackpad, headers that stay in sight, drags that pan rather than move a card,
 * a new stage brought into view, the minimap folded away, and the name dialog.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, newPerson } from '../helpers/browser';

const app = appUnderTest();

const card = (page: Page, text: string): Locator => page.getByRole('article', { name: new RegExp(text) });
const cell = (page: Page, stage: string, channel: string): Locator =>
  page.getByRole('group', { name: `${stage} × ${channel}`, exact: true });

async function newBoard(page: Page): Promise<void> {
  await page.goto(app.relay.httpUrl);
  await page.getByRole('button', { name: /Nouveau tableau/ }).click();
  await page.getByRole('heading', { name: 'Découverte' }).waitFor();
  // A new board may first hand over its links.
  const ready = page.getByRole('dialog', { name: 'Votre tableau est prêt' });
  if (
    await ready.waitFor({ timeout: 2000 }).then(
      () => true,
      () => false,
    )
  )
    await ready.getByRole('button', { name: 'C’est noté' }).click();
}

/** The keyboard starts from the top of the page. */
async function fromTheTop(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** What has the keyboard focus: the cell or card of the canvas it is in, by its accessible name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const node = el?.closest('.react-flow__node');
    const named = node?.querySelector('[aria-label]') ?? el;
    return `${node ? 'node' : (el?.tagName ?? '')}: ${named?.getAttribute('aria-label') ?? named?.textContent ?? ''}`;
  });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

/** React Flow's view: translation and zoom, read from the viewport's transform. */
async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(transform);
  if (!m) throw new Error(`unexpected transform ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

async function zoomInAt(page: Page, x: number, y: number, steps: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.keyboard.down('Control');
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, -120);
  await page.keyboard.up('Control');
}

describe('moving around the board', () => {
  it('by keyboard: a skip link to the first cell, arrows between cells and cards, Esc back to the card', async () => {
    const { page, context } = await newPerson(app.browser, 'Karim Benali');
    await newBoard(page);
    await fromTheTop(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('A: Aller à la matrice');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('node: Découverte × Site web');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('node: Découverte × Email');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('node: Évaluation × Email');

    // Enter in a cell adds a card; Esc leaves its text and the focus stays on the card.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Je compare les offres par email');
    await page.keyboard.press('Escape');
    expect(await focused(page)).toMatch(/^node: Point de contact : Je compare les offres par email/);
    await page.keyboard.press('3');
    await card(page, 'Je compare les offres par email — Irritant').waitFor();
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('node: Évaluation × Email');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^node: Point de contact : Je compare/);

    // Backspace deletes it, says so, and offers to take it back.
    await page.keyboard.press('Backspace');
    await card(page, 'Je compare les offres').waitFor({ state: 'detached' });
    const notice = page.getByRole('status').filter({ hasText: 'Carte supprimée' });
    await notice.getByRole('button', { name: 'Annuler' }).click();
    await card(page, 'Je compare les offres par email — Irritant').waitFor();
    await context.close();
  });

  it('with the wheel and the trackpad: the wheel pans, Ctrl+wheel zooms, the headers stay in sight', async () => {
    const { page, context } = await newPerson(app.browser, 'Karim Benali');
    await newBoard(page);
    const canvas = await box(page.getByRole('application', { name: 'Matrice canaux × étapes' }));
    const before = await viewport(page);
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await viewport(page)).y).toBeLessThan(before.y);
    expect((await viewport(page)).zoom).toBe(before.zoom);

    await zoomInAt(page, canvas.x + 300, canvas.y + 200, 8);
    await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(before.zoom * 1.5);
    // Scrolled well down and right: the stage and channel headers sit at the edges of the view.
    await page.mouse.wheel(0, 900);
    // Well past the top-left corner of the matrix: its left edge is out of the view.
    while ((await viewport(page)).x > -300) await page.mouse.wheel(800, 0);
    const stage = await box(page.getByRole('heading', { name: 'Évaluation' }));
    expect(stage.y).toBeGreaterThanOrEqual(canvas.y);
    expect(stage.y).toBeLessThan(canvas.y + 40);
    const channel = await box(page.getByRole('group', { name: 'Canal Point de vente' }));
    expect(channel.x).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(channel.x).toBeLessThan(canvas.x + 10);
    await context.close();
  });

  it('by dragging: across a card that is not selected the board pans; the selected card moves', async () => {
    const { page, context } = await newPerson(app.browser, 'Karim Benali');
    await newBoard(page);
    await page.getByRole('button', { name: 'Ajouter un point de contact : Achat × Site web' }).click();
    await page.keyboard.type('Je paie en trois fois');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');

    const start = await box(card(page, 'Je paie'));
    const view = await viewport(page);
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 150, start.y + start.height / 2 + 120, { steps: 10 });
    await page.mouse.up();
    // The whole board moved with the pointer, the card with it: still in its cell.
    await expect.poll(async () => (await viewport(page)).x).toBeCloseTo(view.x + 150, 0);
    const panned = await box(card(page, 'Je paie'));
    const home = await box(cell(page, 'Achat', 'Site web'));
    expect(panned.x).toBeGreaterThan(home.x);
    expect(panned.x + panned.width).toBeLessThan(home.x + home.width);

    await card(page, 'Je paie').click();
    const from = await box(card(page, 'Je paie'));
    const to = await box(cell(page, 'Achat', 'Email'));
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(async () => {
        const c = await box(card(page, 'Je paie'));
        const e = await box(cell(page, 'Achat', 'Email'));
        return c.y > e.y && c.y < e.y + e.height;
      })
      .toBe(true);
    await context.close();
  });

  it('brings a new stage into view, whole, when it is added at the edge of the view', async () => {
    const { page, context } = await newPerson(app.browser, 'Karim Benali');
    await newBoard(page);
    const canvas = await box(page.getByRole('application', { name: 'Matrice canaux × étapes' }));
    const add = page.getByRole('button', { name: 'Ajouter une étape' });
    await zoomInAt(page, (await box(add)).x, canvas.y + 100, 6);
    // Put the « + » at the right edge: the new stage would open mostly out of sight.
    const plus = await box(add);
    await page.mouse.wheel(2 * (plus.x - (canvas.x + canvas.width - plus.width - 4)), 0);
    await expect.poll(async () => (await box(add)).x + plus.width).toBeGreaterThan(canvas.x + canvas.width - 30);
    await add.click();
    const name = page.getByRole('textbox', { name: 'Nom' });
    await expect
      .poll(async () => {
        const b = await box(name);
        return b.x >= canvas.x && b.x + b.width <= canvas.x + canvas.width;
      })
      .toBe(true);
    await context.close();
  });

  it('folds the minimap away and keeps it folded after a reload', async () => {
    const { page, context } = await newPerson(app.browser, 'Karim Benali');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await newBoard(page);
    await page.getByRole('img', { name: 'Mini-carte' }).waitFor();
    await page.getByRole('button', { name: 'Masquer la mini-carte' }).click();
    expect(await page.getByRole('img', { name: 'Mini-carte' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Découverte' }).waitFor();
    await page.getByRole('button', { name: 'Afficher la mini-carte' }).waitFor();
    expect(await page.getByRole('img', { name: 'Mini-carte' }).count()).toBe(0);
    await context.close();
  });

  it('leaves a 1280 × 800 laptop most of its height for the map, in French and in English', async () => {
    const { page, context } = await newPerson(app.browser, 'Karim Benali');
    await page.setViewportSize({ width: 1280, height: 800 });
    await newBoard(page);
    for (const language of ['fr', 'en']) {
      await page.getByRole('combobox', { name: /Langue|Language/ }).selectOption(language);
      const top = await page
        .getByRole('application', { name: /Matrice canaux × étapes|Channel × stage matrix/ })
        .evaluate((el) => el.getBoundingClientRect().top);
      expect(top, language).toBeLessThanOrEqual(110);
      // Each bar on one line: no button pushed to a second one.
      const toolbar = await box(page.getByRole('toolbar', { name: /Outils du tableau|Board tools/ }));
      expect(toolbar.height, language).toBeLessThan(40);
    }
    // The matrix opens readable: a card's text at no less than 60 % of its size.
    expect((await viewport(page)).zoom).toBeGreaterThanOrEqual(0.6);
    await context.close();
  });

  it('asks a newcomer’s name with the offered one selected, and colours without radio circles', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(app.relay.httpUrl);
    await page.getByRole('button', { name: /Nouveau tableau/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Comment vous appelle-t-on ?' });
    await dialog.waitFor();
    await page.keyboard.type('Hugo (DG)');
    expect(await dialog.getByRole('textbox', { name: 'Votre nom' }).inputValue()).toBe('Hugo (DG)');
    const radio = dialog.getByRole('radio').first();
    // The radio is there for the keyboard, invisible; the round swatch is what shows.
    expect(await radio.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: /Hugo \(DG\) \(vous\)/ })
      .getByText('HD')
      .waitFor();
    await context.close();
  });
});
