/**
 * A live "parcours cibles" workshop across browsers: a facilitator, two participants and a
 * viewer, each in their own browser, see a hidden vote progress, its results on the cards,
 * and a mention reach the person mentioned.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, newPerson, shareLink } from '../helpers/browser';

const app = appUnderTest();
const FRAIS = 'Je découvre des frais cachés';
const OFFRE = 'Je reçois une offre de bienvenue';

async function addCard(page: Page, stage: string, channel: string, text: string) {
  await page.getByRole('button', { name: `Ajouter un point de contact : ${stage} × ${channel}` }).click();
  await page.getByRole('textbox', { name: 'Texte du point de contact' }).fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

const give = (page: Page, text: string) => page.getByRole('button', { name: `Donner un point à « ${text} »` }).click();
const sticker = (page: Page, text: string) =>
  page.getByRole('article', { name: new RegExp(text) }).getByRole('img', { name: /^Classé n°/ });

describe('a live workshop', () => {
  it('runs a hidden vote to results on everyone’s cards, and a mention reaches the person mentioned', async () => {
    const fac = await newPerson(app.browser, 'Claire Animatrice', '#7c3aed');
    const a = fac.page;
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await addCard(a, 'Achat', 'Site web', FRAIS);
    await addCard(a, 'Découverte', 'Email', OFFRE);
    const participantUrl = await shareLink(a, 'participant');
    const viewerUrl = await shareLink(a, 'viewer');
    const people = await Promise.all(
      [
        ['Paul Participant', participantUrl],
        ['Zoé Commerciale', participantUrl],
        ['Vera Lectrice', viewerUrl],
      ].map(async ([name, url]) => {
        const person = await newPerson(app.browser, name!);
        await person.page.goto(url!);
        await person.page.getByRole('article', { name: /frais cachés/ }).waitFor();
        return person;
      }),
    );
    const [p, z, v] = people.map((x) => x.page) as [Page, Page, Page];
    for (const name of ['Paul Participant', 'Zoé Commerciale', 'Vera Lectrice']) await a.getByRole('button', { name }).waitFor();

    // The facilitator opens a hidden vote on touchpoints; the question fits.
    await a.getByRole('button', { name: 'Atelier', exact: true }).click();
    await a.getByLabel('Voter sur').selectOption('touchpoints');
    expect(await a.getByLabel('Question').inputValue()).toBe('Quels points de contact améliorer en priorité ?');
    await a.getByRole('button', { name: 'Ouvrir le vote' }).click();
    const vote = a.getByRole('article', { name: 'Quels points de contact améliorer en priorité ?' });

    // While hidden: the facilitator sees who has voted among those present (the viewer is not counted), not the tally.
    await give(p, FRAIS);
    await vote.getByText('1 participant sur 3 a voté').waitFor();
    await vote.getByText('Pas encore voté : Claire Animatrice et Zoé Commerciale').waitFor();
    await give(z, FRAIS);
    await give(z, OFFRE);
    await vote.getByText('2 participants sur 3 ont voté').waitFor();
    await vote.getByText('Pas encore voté : Claire Animatrice').waitFor();
    expect(await vote.getByText(FRAIS).count()).toBe(0);
    expect(await sticker(v, 'frais cachés').count()).toBe(0);
    // A participant neither reveals nor closes.
    await p.getByRole('button', { name: 'Atelier', exact: true }).click();
    await p.getByText('2 participants sur 3 ont voté').waitFor();
    expect(await p.getByRole('button', { name: /Révéler|Clore le vote|Ouvrir le vote/ }).count()).toBe(0);

    // Revealed, then closed: the ranks and counts stay on every screen's cards.
    await vote.getByRole('button', { name: 'Révéler' }).click();
    await sticker(v, 'frais cachés').filter({ hasText: '2' }).waitFor();
    await vote.getByRole('button', { name: 'Clore le vote' }).click();
    for (const page of [a, p, v]) {
      await page
        .getByRole('article', { name: /frais cachés/ })
        .getByRole('img', { name: 'Classé n° 1 avec 2 points' })
        .waitFor();
      await page
        .getByRole('article', { name: /offre de bienvenue/ })
        .getByRole('img', { name: 'Classé n° 2 avec 1 point' })
        .waitFor();
    }
    await expect.poll(() => p.getByRole('button', { name: /Donner un point/ }).count()).toBe(0);

    // Paul mentions Claire in a card's thread, picking her name as he types.
    await p.getByRole('article', { name: /frais cachés/ }).click();
    await p
      .getByRole('article', { name: /frais cachés/ })
      .getByRole('button', { name: 'Commentaires', exact: true })
      .click();
    const field = p.getByRole('textbox', { name: 'Votre commentaire… (@ pour mentionner)' });
    await field.pressSequentially('Frais de port à afficher plus tôt, @cl');
    await p.getByRole('listbox', { name: 'Personnes à mentionner' }).getByRole('option', { name: '@Claire Animatrice' }).waitFor();
    await p.keyboard.press('Enter');
    await field.pressSequentially('qu’en penses-tu ?');
    await p.getByRole('button', { name: 'Envoyer' }).click();

    // It reaches Claire: a badge, then her mentions, then the thread.
    await a.getByRole('button', { name: 'Commentaires — 1 mention non lue' }).click();
    const mention = a.getByRole('list', { name: 'Mes mentions' }).getByRole('button');
    await mention.filter({ hasText: 'Paul Participant vous a mentionné·e sur « Je découvre des frais cachés »' }).waitFor();
    await a.getByRole('button', { name: 'Commentaires', exact: true }).waitFor();
    await mention.click();
    await a.getByText('Frais de port à afficher plus tôt, @Claire Animatrice qu’en penses-tu ?').waitFor();
    // The viewer finds the thread in the list of every thread, and cannot answer.
    await v.getByRole('button', { name: 'Commentaires', exact: true }).click();
    await v
      .getByRole('list', { name: 'Ouverts' })
      .getByRole('button', { name: /Je découvre des frais cachés/ })
      .click();
    await v.getByText(/Frais de port à afficher plus tôt/).waitFor();
    expect(await v.getByRole('textbox', { name: /Votre commentaire/ }).count()).toBe(0);

    for (const person of [fac, ...people]) await person.context.close();
  });
});
