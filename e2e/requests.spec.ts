import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

/**
 * #22 item 6: a request for services is registered as it arrives, the decision is made from it and
 * linked, and the team sees the wait from request to decision in «Våre tall».
 */
test('a member registers a request, makes and links the decision, and sees the wait on the team’s figures', async ({
  page,
}) => {
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  await page.getByRole('link', { name: 'Søknader og henvendelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Søknader og henvendelser' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input names the field: a GP's request without the GP's name.
  const who = page.getByLabel('For hvem');
  await who.selectOption({ index: 1 });
  const person = (await who.locator('option:checked').textContent())!.trim();
  await page.getByLabel('Hjemmesykepleie').check();
  await page.getByLabel('Hva trenger personen, med egne ord').fill('Trenger hjelp med sårstell etter fallet');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Navn eller virksomhet');
  await expectNoAxeViolations(page);

  await page.getByLabel('Navn eller virksomhet').fill('Fastlege Berg');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Søknad: ${person}` })).toBeVisible();
  await expect(page.getByText('Ikke besvart ennå.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The decision is made here with the decisions module's form, then linked to the request.
  await page.getByRole('button', { name: 'Fatt vedtak' }).click();
  await page.getByLabel('Personens behov og ønsker').fill('Vil klare seg hjemme etter fallet');
  await page.getByLabel('Begrunnelse').fill('Trenger sårstell daglig i tre uker');
  // The person's earlier decisions are listed too; wait for the list read again after the new one is made.
  const reread = page.waitForResponse(
    (r) => r.url().includes('/api/service-requests/') && r.request().method() === 'GET',
  );
  await page.getByRole('button', { name: 'Fatt vedtak' }).click();
  await reread;
  await expect(page.getByLabel('Personens behov og ønsker')).toBeHidden();
  // Newest first: the decision just made.
  await page.getByRole('button', { name: 'Knytt til søknaden' }).first().click();
  await expect(page.getByText(/^Vedtak (i kraft|venter)/)).toBeVisible();
  await expectNoAxeViolations(page);

  // On the team's figures: decided today, one request — too few to say anything yet, and said so.
  await page.getByRole('link', { name: 'Tilbake til søknadene' }).click();
  await page.getByRole('link', { name: 'Se ventetidene i «Våre tall»' }).click();
  const row = page.getByRole('row', { name: /Fra søknad til vedtak/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('For få til å si noe');
  await expect(page.getByRole('rowheader', { name: 'Fra vedtak til første besøk' })).toBeVisible();
  await expectNoAxeViolations(page);
});
