import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPerson, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();

async function addCard(page: Page, stage: string, channel: string, text: string, key: string) {
  await page.getByRole('button', { name: `Ajouter un point de contact : ${stage} × ${channel}` }).click();
  await page.getByRole('textbox', { name: 'Texte du point de contact' }).fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press(key);
  await page.keyboard.press('Escape');
}

describe('existing and target journeys', () => {
  it('builds a two-journey map in one page, shows it in another, and compares them', async () => {
    const { page: a, context: ca } = await newPerson(app.browser, 'Alice Martin');
    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();

    await addCard(a, 'Découverte', 'Site web', 'Je compare les avis clients', '1');
    await addCard(a, 'Achat', 'Site web', 'Je découvre des frais cachés au paiement', '3');
    await addCard(a, 'Achat', 'Email', 'Je reçois la confirmation', '2');

    // Emotion at the purchase stage, and the red card taken up as a pain point in one click.
    await a.getByRole('button', { name: 'Tout afficher' }).click();
    const purchase = a.getByRole('slider', { name: /étape « Achat »/ });
    await purchase.focus();
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('ArrowDown');
    await expect.poll(() => purchase.getAttribute('aria-valuenow')).toBe('-2');
    // The template's own example irritant of the purchase stage is the other red card.
    await a.getByRole('button', { name: /Points de contact rouges à reprendre : 2/ }).click();
    await a.getByRole('button', { name: /Faire de « Je découvre des frais cachés au paiement » un irritant/ }).click();
    await a.getByRole('group', { name: 'Irritants — Achat' }).getByText('Critique').waitFor();

    // The target journey, copied from the existing one; compare mode opens with it.
    await a.getByRole('button', { name: 'Créer le parcours cible à partir de celui-ci' }).click();
    await a.getByRole('tab', { name: /Parcours existant — cible/, selected: true }).waitFor();
    const targetJourney = new URL(a.url()).searchParams.get('j');
    expect(targetJourney).toMatch(/^[A-Za-z0-9_-]+$/);
    await a.getByRole('article', { name: /frais cachés/ }).click();
    await a.keyboard.press('1');
    await a.keyboard.press('Escape');
    await addCard(a, 'Achat', 'Application mobile', 'Je paie en un clic', '1');
    await a.getByRole('article', { name: /Je compare les avis/ }).click();
    await a.keyboard.press('Delete');

    const summary = a.getByRole('region', { name: /Changements de « Parcours existant » à « Parcours existant — cible »/ });
    await expect.poll(() => summary.textContent()).toContain('1 ajouté · 1 retiré · 1 réévalué · 0 reformulé');
    await a.getByRole('article', { name: /Je paie en un clic.*Ajouté/ }).waitFor();
    await a.getByRole('article', { name: /Retiré : Je compare les avis clients/ }).waitFor();
    await a.getByRole('article', { name: /frais cachés.*Réévalué/ }).waitFor();

    // A second person opens the target journey's address and sees the same map.
    const { page: b, context: cb } = await newPerson(app.browser, 'Bruno Petit');
    await b.goto(`${await shareLink(a, 'viewer')}&j=${targetJourney}`);
    await b.getByRole('tab', { name: /Parcours existant — cible/, selected: true }).waitFor();
    await b.getByRole('tab', { name: /^Existant Parcours existant$/ }).waitFor();
    await b.getByRole('article', { name: /Je paie en un clic/ }).waitFor();
    expect(await b.getByRole('article', { name: /Je compare les avis/ }).count()).toBe(0);
    await b.getByRole('combobox', { name: 'Comparer avec' }).selectOption({ label: 'Parcours existant (Existant)' });
    await expect.poll(() => b.getByRole('region', { name: /Changements de/ }).textContent()).toContain('1 ajouté · 1 retiré · 1 réévalué');

    // The existing journey is untouched.
    await b.getByRole('tab', { name: /^Existant Parcours existant$/ }).click();
    await b.getByRole('article', { name: /Je compare les avis clients/ }).waitFor();
    await b.getByRole('article', { name: /frais cachés.*Irritant/ }).waitFor();
    expect(await b.getByRole('slider', { name: /étape « Achat »/ }).getAttribute('aria-valuenow')).toBe('-2');

    await ca.close();
    await cb.close();
  });
});
