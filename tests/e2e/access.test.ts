/**
 * Trust and access as people meet it: a new board's links, a bare address, a mistyped one, a
 * revocation that cuts a participant off, and the administrator's way back in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET_FILE } from '../../server/adminSecret';
import { appUnderTest, newPerson } from '../helpers/browser';
import { REPO_ROOT, testBoardId } from '../helpers/relay';

const app = appUnderTest();
const shots = path.join(REPO_ROOT, '.tmp');

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `access-${name}.png`) });
}

/** Counts the websocket handshakes a page attempts from now on. */
function countSockets(page: Page): () => number {
  let opened = 0;
  page.on('websocket', () => opened++);
  return () => opened;
}

describe('getting into a board', () => {
  it('gives the creator a facilitator link to keep and a participant link that works; the bare address and a mistyped one say what to do', async () => {
    const fac = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    const a = fac.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    const ready = a.getByRole('region', { name: 'Votre tableau est prêt' });
    const facilitatorLink = await ready.getByRole('textbox', { name: 'Votre lien animateur — gardez-le pour vous' }).inputValue();
    const participantLink = await ready.getByRole('textbox', { name: 'Lien participant — à donner aux participant·es' }).inputValue();
    const { origin, pathname } = new URL(a.url());
    const boardUrl = `${origin}${pathname}`;
    expect(facilitatorLink.startsWith(`${boardUrl}?t=`)).toBe(true);
    expect(participantLink).not.toBe(facilitatorLink);
    await shot(a, 'new-board-links');
    await ready.getByRole('button', { name: 'C’est noté' }).click();
    await ready.waitFor({ state: 'detached' });

    // The participant link opens the board as a participant.
    const part = await newPerson(app.browser, 'Paul Participant', '#db2777');
    await part.page.goto(participantLink);
    await part.page.getByRole('heading', { name: 'Découverte' }).waitFor();
    expect(await part.page.getByRole('button', { name: /Supprimer l’étape « Achat »/ }).count()).toBe(0);

    // The facilitator link, in another browser, opens it with every right.
    const cofac = await newPerson(app.browser, 'Camille Co-animatrice', '#0891b2');
    await cofac.page.goto(facilitatorLink);
    await cofac.page.getByRole('button', { name: /Supprimer l’étape « Achat »/ }).waitFor();

    // The bare address says which link to ask for.
    const bare = await newPerson(app.browser, 'Bruno Sans Lien');
    await bare.page.goto(boardUrl);
    await bare.page.getByRole('heading', { name: 'Un lien d’accès est nécessaire' }).waitFor();
    await bare.page.getByText(/un lien participant pour contribuer, un lien lecture seule pour regarder/).waitFor();
    await shot(bare.page, 'bare-address');

    // A mistyped address is no board: said so, with a way home, and nothing is created.
    const typo = await newPerson(app.browser, 'Théo Faute De Frappe');
    const sockets = countSockets(typo.page);
    const mistyped = testBoardId();
    await typo.page.goto(`${app.relay.httpUrl}/b/${mistyped}?t=${encodeURIComponent(new URL(participantLink).searchParams.get('t')!)}`);
    await typo.page.getByRole('heading', { name: 'Ce tableau n’existe pas' }).waitFor();
    await typo.page.getByText(/Rien n’a été créé ni effacé/).waitFor();
    await shot(typo.page, 'unknown-board');
    expect(sockets()).toBe(0);
    expect((await fetch(`${app.relay.httpUrl}/api/boards/${mistyped}/access`)).status).toBe(404);
    await typo.page.getByRole('link', { name: 'Retour à l’accueil' }).click();
    await typo.page.getByRole('button', { name: /Nouveau tableau/ }).waitFor();

    for (const person of [fac, part, cofac, bare, typo]) await person.context.close();
  });

  it('asks before revoking, cuts the participant off with a page that says so and stops knocking, and hands the facilitator a new link', async () => {
    const fac = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    const a = fac.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    const ready = a.getByRole('region', { name: 'Votre tableau est prêt' });
    const participantLink = await ready.getByRole('textbox', { name: 'Lien participant — à donner aux participant·es' }).inputValue();
    await ready.getByRole('button', { name: 'C’est noté' }).click();

    const part = await newPerson(app.browser, 'Paul Participant', '#db2777');
    const p = part.page;
    await p.goto(participantLink);
    await p.getByRole('heading', { name: 'Découverte' }).waitFor();
    await a.getByRole('button', { name: 'Paul Participant' }).waitFor();
    const sockets = countSockets(p);

    await a.getByRole('button', { name: 'Partager…' }).click();
    const share = a.getByRole('dialog', { name: 'Partager le tableau' });
    await share.getByRole('button', { name: 'Révoquer tous les liens…' }).click();
    const ask = a.getByRole('alertdialog', { name: 'Révoquer tous les liens ?' });
    await ask.getByText('Cette action est définitive : elle ne peut pas être annulée.').waitFor();
    expect(await ask.getByText(/Ctrl\+Z/).count()).toBe(0);
    await shot(a, 'revoke-confirm');
    await ask.getByRole('button', { name: 'Révoquer les liens' }).click();
    const newLink = await share.getByRole('textbox', { name: 'Votre nouveau lien animateur — gardez-le pour vous' }).inputValue();
    expect(newLink).toContain('?t=');
    await shot(a, 'revoked-facilitator');

    // The participant sees why, at once, and the page stops trying to reconnect.
    await p.getByRole('heading', { name: 'Votre lien a été révoqué' }).waitFor({ timeout: 10_000 });
    await p.getByText('Demandez un nouveau lien à l’animateur·rice.').waitFor();
    await shot(p, 'revoked-participant');
    const attempts = sockets();
    await p.waitForTimeout(3000);
    expect(sockets()).toBe(attempts);
    expect(await p.getByText('Reconnexion…').count()).toBe(0);

    // The facilitator closes the dialog and is back on the board, connected with the new link.
    await share.getByRole('textbox', { name: 'Votre nouveau lien animateur — gardez-le pour vous' }).focus();
    await a.keyboard.press('Escape');
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await a.getByRole('status', { name: /État de la connexion : Connecté/ }).waitFor({ timeout: 10_000 });

    // The old participant link no longer opens the board, even reloaded.
    await p.goto(participantLink);
    await p.getByRole('heading', { name: 'Votre lien a été révoqué' }).waitFor();
    await fac.context.close();
    await part.context.close();
  });

  it('lets the self-hoster list every board with the administrator secret and mint a facilitator link for one', async () => {
    const fac = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    await fac.page.goto(app.relay.httpUrl);
    await fac.page.getByRole('button', { name: /Nouveau tableau/ }).click();
    await fac.page.getByRole('heading', { name: 'Découverte' }).waitFor();
    await fac.page.getByRole('region', { name: 'Votre tableau est prêt' }).getByRole('button', { name: 'C’est noté' }).click();
    const boardId = new URL(fac.page.url()).pathname.split('/')[2]!;
    await fac.context.close(); // the facilitator's browser, and its link, are gone

    const admin = await newPerson(app.browser, 'Ada Admin');
    const page = admin.page;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${app.relay.httpUrl}/admin`);
    await page.getByRole('heading', { name: 'Administration du serveur' }).waitFor();
    await page.getByLabel('Secret administrateur').fill('pas-le-bon-secret');
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce secret n’est pas le bon.' }).waitFor();
    const secret = fs.readFileSync(path.join(app.relay.dataDir, ADMIN_SECRET_FILE), 'utf8').trim();
    await page.getByLabel('Secret administrateur').fill(secret);
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await page.getByRole('table').waitFor();
    // The board just made is the most recently active: first in the list.
    const first = page.getByRole('button', { name: /^Créer un lien animateur pour « / }).first();
    await first.click();
    const link = await page
      .getByRole('textbox', { name: /^Lien animateur pour « .* », valable 7 jours$/ })
      .first()
      .inputValue();
    expect(link).toContain(`/b/${boardId}?t=`);
    await shot(page, 'admin');
    expect(requests.filter((url) => url.includes(secret))).toEqual([]);

    // The link gives the facilitator their board back, in a fresh browser.
    const back = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    await back.page.goto(link);
    await back.page.getByRole('button', { name: /Supprimer l’étape « Achat »/ }).waitFor();
    await admin.context.close();
    await back.context.close();
  });
});
