import { describe, expect, it } from 'vitest';
import { newPerson, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();

describe('presenting a board', () => {
  it('the facilitator presents stage by stage and a participant who follows sees the same stage and the laser pointer', async () => {
    const alice = await newPerson(app.browser, 'Alice Martin', '#7c3aed');
    const bruno = await newPerson(app.browser, 'Bruno Petit', '#db2777');
    const a = alice.page;
    const b = bruno.page;

    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    await b.goto(await shareLink(a, 'participant'));
    await b.getByRole('heading', { name: 'Découverte' }).waitFor();

    await a.getByRole('button', { name: /Présenter/ }).click();
    const bar = a.getByRole('region', { name: 'Présentation' });
    await bar.getByText('Étape 1 sur 5 : Découverte').waitFor();
    // No editing chrome while presenting.
    expect(await a.getByRole('toolbar', { name: 'Outils du tableau' }).isVisible()).toBe(false);
    await a.keyboard.press('ArrowRight');
    await bar.getByText('Étape 2 sur 5 : Évaluation').waitFor();

    await b.getByText('Alice Martin présente ce tableau.').waitFor();
    await b.getByRole('button', { name: 'Suivre la présentation' }).click();
    const followed = b.getByRole('region', { name: 'Présentation' });
    await followed.getByText('Étape 2 sur 5 : Évaluation').waitFor();
    await followed.getByText('Vous suivez la présentation de Alice Martin.').waitFor();

    await a.keyboard.press('ArrowRight');
    await followed.getByText('Étape 3 sur 5 : Achat').waitFor();
    // The follower's own arrows do not move the presentation.
    await b.keyboard.press('ArrowRight');
    await b.waitForTimeout(300);
    expect(await followed.getByText('Étape 3 sur 5 : Achat').isVisible()).toBe(true);

    await a.mouse.move(700, 420);
    await a.mouse.move(720, 440);
    await b.locator('.laser-pointer').waitFor();

    // The presenter leaves: so does everyone following.
    await a.keyboard.press('Escape');
    await a.getByRole('toolbar', { name: 'Outils du tableau' }).waitFor();
    await followed.waitFor({ state: 'detached' });
    expect(await b.getByRole('button', { name: /Présenter/ }).isVisible()).toBe(true);
    await alice.context.close();
    await bruno.context.close();
  });
});
