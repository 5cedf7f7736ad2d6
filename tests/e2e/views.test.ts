import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPerson, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();
const SHOTS = process.env.PARCOURS_SHOTS;

/** The zoom the canvas shows now, read from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

async function saveView(page: Page, name: string) {
  await page.getByRole('button', { name: 'Vues' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vues enregistrées' });
  await dialog.getByLabel('Nom de la vue').fill(name);
  await dialog.getByRole('button', { name: 'Enregistrer cette vue' }).click();
  await dialog.getByText(`Vue « ${name} » enregistrée.`).waitFor();
  return dialog;
}

describe('saved views', () => {
  it('the facilitator saves views, presents them in order, a follower’s canvas follows, and a view of a deleted journey is skipped', async () => {
    const alice = await newPerson(app.browser, 'Alice Martin', '#7c3aed');
    const bruno = await newPerson(app.browser, 'Bruno Petit', '#db2777');
    const a = alice.page;
    const b = bruno.page;
    await a.setViewportSize({ width: 1280, height: 800 });
    await b.setViewportSize({ width: 1280, height: 800 });

    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await b.goto(await shareLink(a, 'participant'));
    await b.getByRole('heading', { name: 'Découverte' }).waitFor();
    // Participants do not prepare views.
    expect(await b.getByRole('button', { name: 'Vues' }).count()).toBe(0);

    // A view of the target journey, which is then deleted.
    await a.getByRole('button', { name: 'Créer le parcours cible à partir de celui-ci' }).click();
    await a.getByRole('tab', { name: /Parcours existant — cible/, selected: true }).waitFor();
    let dialog = await saveView(a, 'Cible');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await a.getByRole('button', { name: 'Supprimer le parcours' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Supprimer' }).click();
    await a.getByRole('tab', { name: /Parcours existant — cible/ }).waitFor({ state: 'detached' });

    // The whole journey as it opens, then a close-up.
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    dialog = await saveView(a, 'Vue d’ensemble');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    const wide = await zoomOf(a);
    const pane = a.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) {
      await a.keyboard.down('Control');
      await a.mouse.wheel(0, -300);
      await a.keyboard.up('Control');
    }
    await expect.poll(() => zoomOf(a)).toBeGreaterThan(wide * 1.5);
    dialog = await saveView(a, 'Gros plan');
    await dialog.getByText('Cible (parcours supprimé)').waitFor();
    if (SHOTS) await a.screenshot({ path: `${SHOTS}/views-dialog.png` });
    await dialog.getByRole('button', { name: /Présenter les vues/ }).click();

    const bar = a.getByRole('region', { name: 'Présentation' });
    await bar.getByText('Vue 1 sur 2 : Vue d’ensemble').waitFor();
    await bar.getByText('La vue « Cible » est ignorée : son parcours a été supprimé').waitFor();

    await b.getByRole('button', { name: 'Suivre la présentation' }).click();
    const followed = b.getByRole('region', { name: 'Présentation' });
    await followed.getByText('Vue 1 sur 2 : Vue d’ensemble').waitFor();
    await b.waitForTimeout(800);
    const followerWide = await zoomOf(b);

    await a.keyboard.press('ArrowRight');
    await bar.getByText('Vue 2 sur 2 : Gros plan').waitFor();
    await followed.getByText('Vue 2 sur 2 : Gros plan').waitFor();
    // The follower's canvas moves in on the same part of the map.
    await expect.poll(() => zoomOf(b), { timeout: 5000 }).toBeGreaterThan(followerWide * 1.5);
    if (SHOTS) {
      await a.waitForTimeout(600);
      await a.screenshot({ path: `${SHOTS}/views-presenter.png` });
      await b.screenshot({ path: `${SHOTS}/views-follower.png` });
    }

    await a.keyboard.press('Escape');
    await followed.waitFor({ state: 'detached' });
    await alice.context.close();
    await bruno.context.close();
  });
});
