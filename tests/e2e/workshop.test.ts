import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journeyTemplate } from '../../src/model/templates';
import { newPerson, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();
/** A new board starts from the e-commerce template, with its example cards. */
const EXAMPLES = journeyTemplate('ecommerce', 'fr').examples.length;

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
    // An empty cell: the template's example card sits in « Usage & fidélisation × Email ».
    await v.getByRole('group', { name: 'Usage & fidélisation × Téléphone', exact: true }).dblclick();
    expect(await v.getByRole('textbox', { name: 'Texte du point de contact' }).count()).toBe(0);
    expect(await v.getByRole('article').count()).toBe(2 + EXAMPLES);

    // A viewer who double-clicks a card and types changes nothing, on their screen or anyone's,
    // and nothing comes back after a reload (a viewer keeps no local copy).
    await v.getByRole('article', { name: /frais cachés/ }).dblclick();
    await v.keyboard.type('Je modifie en douce');
    await v.keyboard.press('Enter');
    const slider = v.getByRole('slider', { name: /étape « Achat »/ });
    const score = await slider.getAttribute('aria-valuenow');
    await slider.focus();
    await v.keyboard.press('ArrowUp');
    expect(await v.getByRole('textbox', { name: 'Texte du point de contact' }).count()).toBe(0);
    expect(await v.getByText(/en douce/).count()).toBe(0);
    expect(await slider.getAttribute('aria-valuenow')).toBe(score);
    await v.reload();
    await v.getByRole('article', { name: /frais cachés/ }).waitFor();
    expect(await v.getByText(/en douce/).count()).toBe(0);
    expect(await v.getByRole('article').count()).toBe(2 + EXAMPLES);
    expect(await a.getByText(/en douce/).count()).toBe(0);
    expect(await a.getByRole('article', { name: /Je découvre des frais cachés/ }).count()).toBe(1);

    // A dot vote on touchpoints, run to its results (ties share a rank, listed in a stable order).
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
    await expect
      .poll(async () => (await results.locator('li').allTextContents()).map((x) => x.replace(/\s+/g, ' ').trim()).sort())
      .toEqual(['n° 1●●Je découvre des frais cachés (2 points)', 'n° 1●●Je reçois une offre de bienvenue (2 points)']);

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
    await p
      .getByRole('article', { name: /J’appelle pendant la coupure/ })
      .waitFor({ state: 'detached', timeout: 1000 })
      .catch(() => undefined);
    expect(await a.getByRole('article', { name: /hors ligne/ }).count()).toBe(0);
    await part.context.setOffline(false);
    await a.getByRole('article', { name: /Je parraine une amie hors ligne/ }).waitFor({ timeout: 15_000 });
    await p.getByRole('article', { name: /J’appelle pendant la coupure/ }).waitFor({ timeout: 15_000 });
    await v.getByRole('article', { name: /Je parraine une amie hors ligne/ }).waitFor({ timeout: 15_000 });

    for (const person of [fac, part, view]) await person.context.close();
  });

  it('keeps the facilitator’s access against a bad or weaker link, and reloads a copy whose change the relay refused', async () => {
    const fac = await newPerson(app.browser, 'Fanny Animatrice', '#7c3aed');
    let a = fac.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Achat' }).waitFor();
    await addCard(a, 'Achat', 'Site web', 'Je paie en trois fois');
    const boardUrl = a.url().split('?')[0]!;
    const viewerUrl = await shareLink(a, 'viewer');
    const participantUrl = await shareLink(a, 'participant');
    const deleteStage = (page: Page) => page.getByRole('button', { name: 'Supprimer l’étape « Achat »' });

    // A garbage token leaves the address and the stored access alone.
    await a.goto(`${boardUrl}?t=garbage`);
    await a
      .getByText('Ce lien n’est pas valide (expiré, révoqué ou destiné à un autre tableau) : votre accès actuel est conservé.')
      .waitFor();
    await deleteStage(a).waitFor();
    expect(new URL(a.url()).searchParams.has('t')).toBe(false);

    // A viewer link asks first; keeping mine keeps the facilitator's board.
    await a.goto(viewerUrl);
    const question = a.getByRole('alertdialog', { name: 'Utiliser ce lien ?' });
    await question
      .getByText('Ce lien donne un accès Lecture seule ; vous avez déjà un accès Animateur·rice sur ce tableau. Utiliser ce lien ?')
      .waitFor();
    expect(new URL(a.url()).searchParams.has('t')).toBe(false);
    await question.getByRole('button', { name: 'Garder le mien' }).click();
    await deleteStage(a).waitFor();
    expect(await a.getByText(/^Lecture seule :/).count()).toBe(0);

    // Offline, the facilitator renames a stage; the copy stays in this browser only.
    await fac.context.setOffline(true);
    await a.getByRole('status', { name: /Hors ligne/ }).waitFor();
    await a.getByRole('button', { name: 'Renommer l’étape « Achat »' }).click();
    await a.getByRole('textbox', { name: 'Nom' }).fill('Achat hors ligne');
    await a.keyboard.press('Enter');
    await a.getByRole('heading', { name: 'Achat hors ligne' }).waitFor();
    await a.waitForTimeout(300);
    await a.close();
    await fac.context.setOffline(false);

    // Back online with a participant link (chosen this time): the relay refuses the rename, and
    // the board comes back as the relay holds it, with a notice.
    a = await fac.context.newPage();
    await a.goto(participantUrl);
    await a.getByRole('alertdialog', { name: 'Utiliser ce lien ?' }).getByRole('button', { name: 'Utiliser ce lien' }).click();
    await a
      .getByRole('alert')
      .filter({ hasText: 'Une modification a été refusée par le serveur : le tableau a été rechargé depuis la copie partagée.' })
      .waitFor({ timeout: 15_000 });
    await a.getByRole('heading', { name: 'Achat', exact: true }).waitFor();
    expect(await a.getByRole('heading', { name: 'Achat hors ligne' }).count()).toBe(0);
    // The reloaded board syncs again: a participant's card reaches the others.
    await addCard(a, 'Achat', 'Email', 'Je reçois la facture');
    const view = await newPerson(app.browser, 'Victor Lecteur');
    await view.page.goto(viewerUrl);
    await view.page.getByRole('article', { name: /Je reçois la facture/ }).waitFor();
    expect(await view.page.getByRole('heading', { name: 'Achat hors ligne' }).count()).toBe(0);
    // After a reload, the refused rename does not come back from the local copy.
    await a.reload();
    await a.getByRole('article', { name: /Je reçois la facture/ }).waitFor();
    expect(await a.getByRole('heading', { name: 'Achat hors ligne' }).count()).toBe(0);

    await fac.context.close();
    await view.context.close();
  });
});
