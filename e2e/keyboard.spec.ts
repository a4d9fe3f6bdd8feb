import { expect, test, type Page } from '@playwright/test';
import { apiAs, expectNoAxeViolations, osloDate, PASSWORD, watchCsp } from './helpers.ts';

/** Where the keyboard is: the focused element's tag, id, name (aria-label) and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      href: el?.getAttribute('href') ?? '',
      text: (el?.textContent ?? '').trim(),
    };
  });

/** What the app's one live region (components/Announcer.tsx) says now. */
const announced = (page: Page) => page.locator('#announcer');

/** Presses Tab until `wanted` holds for the focused element; focus never falls to the body on the way. */
async function tabUntil(page: Page, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.tag, 'focus fell to the page body').not.toBe('body');
    if (wanted(f)) return f;
  }
  throw new Error('Tab never reached the element');
}

test('keyboard only: log in, find a visit in «Min dag», «Alt utført» → «Bekreft», open the documented visit', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // Arrange (not part of the journey): a visit today the nurse may see and still has to do.
  const nurse = await apiAs(request, 'sykepleier');
  const me = await nurse.get('/api/auth/me');
  const day = (await nurse.get(`/api/me/day?date=${osloDate()}`)) as {
    id: string;
    access: string;
    status: string;
    displayName: string;
  }[];
  const visit = day.find((v) => v.access !== 'withheld' && v.status === 'planned');
  expect(visit, 'the demo gives the nurse a planned visit today').toBeTruthy();

  watchCsp(page);
  await page.goto('/login');
  await expectNoAxeViolations(page);

  // Tab: the skip link first; Enter: focus to the main content.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Hopp til innholdet' });
  await page.keyboard.press('Enter');
  expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });

  // Tab to the username, type; Tab to the password, type; Enter logs in.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'input', id: 'username' });
  await page.keyboard.type('sykepleier');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'input', id: 'password' });
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');

  // Logged in: focus on the new page's heading, and the live region says who is logged in.
  await expect(page.getByRole('heading', { level: 1, name: 'Min dag' })).toBeFocused();
  await expect(announced(page)).toHaveText(`Du er logget inn som ${me.displayName}.`);
  await expectNoAxeViolations(page);

  // Tab to this visit's «Alt utført som planlagt»; Enter shows «Bekreft», which takes focus.
  const quick = await tabUntil(
    page,
    (f) => f.tag === 'button' && f.label.startsWith(`Alt utført som planlagt: ${visit!.displayName}`),
  );
  expect(quick.text).toBe('Alt utført som planlagt');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).text).toBe('Bekreft: alt utført');
  await expectNoAxeViolations(page);

  // Enter confirms: the buttons are gone, focus is on the visit (now done), and it is announced.
  await page.keyboard.press('Enter');
  await expect(announced(page)).toHaveText(`Besøket hos ${visit!.displayName} er dokumentert som utført.`);
  await expect.poll(async () => (await focused(page)).href).toBe(`/visits/${visit!.id}`);
  expect((await focused(page)).text).toContain('utført');
  await expectNoAxeViolations(page);

  // Enter opens the visit: focus on its heading; it says it is documented.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('#visit-done')).toHaveText('Besøket er dokumentert.');
  await expectNoAxeViolations(page);

  // The server agrees: the visit is documented.
  const after = (await nurse.get(`/api/me/day?date=${osloDate()}`)) as { id: string; status: string }[];
  expect(after.find((v) => v.id === visit!.id)?.status).toBe('done');
});
