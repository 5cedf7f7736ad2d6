import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPerson, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();

async function addCard(page: Page, stage: string, channel: string, text: string) {
  await page.getByRole('button', { name: `Ajouter un point de contact : ${stage} × ${channel}` }).click();
  await page.getByRole('textbox', { name: 'Texte du point de contact' }).fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Seconds shown by the timer of a page (mm:ss). */
async function timerSeconds(page: Page): Promise<number> {
  const label = (await page.getByRole('button', { name: /^Minuteur — / }).textContent()) ?? '';
  const m = /(\d+):(\d{2})/.exec(label);
  if (!m) throw new Error(`no time in "${label}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

describe('a workshop with a facilitator, a participant and a viewer', () => {
  it('shows presence, enforces roles, runs a vote and a timer, and merges offline edits', async () => {
    const fac = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    const a = fac.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await addCard(a, 'Achat', 'Site web', 'Je découvre des frais cachés');
    const participantUrl = await shareLink(a, 'participant');
    const viewerUrl = await shareLink(a, 'viewer');

    const part = await newPerson(app.browser, 'Paul Participant', '#db2777');
    const p = part.page;
    await p.goto(participantUrl);
    await p.getByRole('article', { name: /frais cachés/ }).waitFor();
    const view = await newPerson(app.browser, 'Vera Lectrice', '#0891b2');
    const v = view.page;
    await v.goto(viewerUrl);
    await v.getByRole('article', { name: /frais cachés/ }).waitFor();
    await v.getByText('Lecture seule : vous voyez le tableau en direct sans pouvoir le modifier.').waitFor();

    // Presence: everyone is listed, and the participant's pointer shows on the facilitator's canvas.
    for (const name of ['Paul Participant', 'Vera Lectrice']) await a.getByRole('button', { name }).waitFor();
    const box = (await p.getByRole('group', { name: 'Découverte × Email', exact: true }).boundingBox())!;
    await p.mouse.move(box.x + 40, box.y + 20);
    await p.mouse.move(box.x + 60, box.y + 30, { steps: 5 });
    await a.locator('.cursor', { hasText: 'Paul Participant' }).waitFor();

    // The participant adds a card; no way to delete a stage is offered, and the relay would drop it anyway.
    await addCard(p, 'Découverte', 'Email', 'Je reçois une offre de bienvenue');
    await a.getByRole('article', { name: /offre de bienvenue/ }).waitFor();
    await v.getByRole('article', { name: /offre de bienvenue/ }).waitFor();
    expect(await p.getByRole('button', { name: /Supprimer l’étape « Achat »/ }).count()).toBe(0);
    expect(await a.getByRole('button', { name: /Supprimer l’étape « Achat »/ }).count()).toBe(1);

    // The viewer edits nothing: no add buttons, a double-click does nothing.
    expect(await v.getByRole('button', { name: /Ajouter un point de contact : Achat × Email/ }).count()).toBe(0);
    await v.getByRole('group', { name: 'Usage & fidélisation × Email', exact: true }).dblclick();
    expect(await v.getByRole('textbox', { name: 'Texte du point de contact' }).count()).toBe(0);
    expect(await v.getByRole('article').count()).toBe(2);

    // A dot vote on touchpoints, run to its results (ties rank in a stable but arbitrary order).
    await a.getByRole('button', { name: 'Atelier', exact: true }).click();
    await a.getByLabel('Voter sur').selectOption('touchpoints');
    await a.getByLabel('Masquer les votes jusqu’à la révélation').uncheck();
    await a.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await p.getByRole('button', { name: 'Donner un point à « Je découvre des frais cachés »' }).click();
    await p.getByRole('button', { name: 'Donner un point à « Je découvre des frais cachés »' }).click();
    await p.getByRole('button', { name: 'Donner un point à « Je reçois une offre de bienvenue »' }).click();
    await a.getByRole('button', { name: 'Donner un point à « Je reçois une offre de bienvenue »' }).click();
    expect(await v.getByRole('button', { name: /Donner un point/ }).count()).toBe(0);
    await a.getByRole('button', { name: 'Clore le vote' }).click();
    const results = a.getByRole('list', { name: 'Résultats' });
    await expect.poll(async () => (await results.locator('li').allTextContents()).map((x) => x.replace(/\s+/g, ' ').trim()).sort()).toEqual([
      '●●Je découvre des frais cachés (2 point(s))',
      '●●Je reçois une offre de bienvenue (2 point(s))',
    ]);

    // The timer: every page shows the same time.
    await a.getByRole('button', { name: /^Minuteur/ }).click();
    await a.getByLabel('Minutes').fill('5');
    await a.getByRole('button', { name: 'Lancer' }).click();
    await p.getByRole('button', { name: /^Minuteur — Temps restant/ }).waitFor();
    await v.getByRole('button', { name: /^Minuteur — Temps restant/ }).waitFor();
    const times = await Promise.all([a, p, v].map(timerSeconds));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(1);
    expect(times[0]).toBeGreaterThan(290);

    // Offline: the participant keeps editing, and it merges when the network is back.
    await part.context.setOffline(true);
    await p.getByRole('status', { name: /Hors ligne/ }).waitFor();
    await addCard(p, 'Recommandation', 'Réseaux sociaux', 'Je parraine une amie hors ligne');
    await addCard(a, 'Évaluation', 'Téléphone', 'J’appelle pendant la coupure');
    await p.getByRole('article', { name: /J’appelle pendant la coupure/ }).waitFor({ state: 'detached', timeout: 1000 }).catch(() => undefined);
    expect(await a.getByRole('article', { name: /hors ligne/ }).count()).toBe(0);
    await part.context.setOffline(false);
    await a.getByRole('article', { name: /Je parraine une amie hors ligne/ }).waitFor({ timeout: 15_000 });
    await p.getByRole('article', { name: /J’appelle pendant la coupure/ }).waitFor({ timeout: 15_000 });
    await v.getByRole('article', { name: /Je parraine une amie hors ligne/ }).waitFor({ timeout: 15_000 });

    for (const person of [fac, part, view]) await person.context.close();
  });
});
