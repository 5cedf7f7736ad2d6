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

const CARDS: [string, string, string][] = [
  ['Découverte', 'Site web', 'Je découvre la marque'],
  ['Découverte', 'Email', 'Je lis la newsletter'],
  ['Achat', 'Site web', 'Je paie et découvre des frais cachés'],
  ['Achat', 'Email', 'Je reçois la confirmation'],
  ['Recommandation', 'Site web', 'Je laisse un avis'],
  ['Recommandation', 'Email', 'Je parraine une amie'],
];

describe('recovering from a mass deletion', () => {
  it('warns the facilitator when a participant deletes many cards, and « Restaurer » brings them back for everyone', async () => {
    const fac = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    const a = fac.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    for (const [stage, channel, text] of CARDS) await addCard(a, stage, channel, text);
    const participantUrl = await shareLink(a, 'participant');

    // The participant's arrival makes the relay save an automatic version of the board.
    const part = await newPerson(app.browser, 'Paul Participant', '#db2777');
    const p = part.page;
    await p.goto(participantUrl);
    await p.getByRole('article', { name: /Je parraine une amie/ }).waitFor();
    await a.getByRole('button', { name: 'Paul Participant' }).waitFor();

    for (const [, , text] of CARDS) {
      await p.getByRole('article', { name: new RegExp(text) }).click();
      await p.keyboard.press('Delete');
      await p.getByRole('article', { name: new RegExp(text) }).waitFor({ state: 'detached' });
    }
    const warning = a.getByRole('alert').filter({ hasText: 'points de contact' });
    await expect.poll(() => warning.textContent()).toContain('Paul Participant vient de supprimer 6 points de contact.');
    for (const [, , text] of CARDS) expect(await a.getByRole('article', { name: new RegExp(text) }).count()).toBe(0);

    await warning.getByRole('button', { name: 'Restaurer' }).click();
    await a.getByRole('status').filter({ hasText: '6 points de contact restaurés' }).waitFor();
    for (const page of [a, p]) {
      for (const [, , text] of CARDS) await page.getByRole('article', { name: new RegExp(text) }).waitFor();
    }

    // The automatic version is in the Versions panel, told apart from named ones.
    await a.getByRole('button', { name: 'Versions', exact: true }).click();
    await a
      .getByText(/^Automatique · \d{1,2}:\d{2}/)
      .first()
      .waitFor();

    for (const person of [fac, part]) await person.context.close();
  });
});
