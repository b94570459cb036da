// End-to-end: a real API server on a fresh embedded store seeded from the shared data, the built
// web app, and Debian's headless Chromium clicking through each page as a user would.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, saveScreenshot } from './support/browser.ts';
import {
  buildWebApp,
  hasSharedData,
  REPO_ROOT,
  SHARED_DATA,
  startEntenteServer,
  TEST_PASSWORD,
  type EntenteServer,
} from './support/entente-server.ts';

const ready = hasSharedData() && hasChromium();
const EXPORTER = 'officer@exporter.example';
const AGENCY = 'admin@agency.example';

let server: EntenteServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every Content Security Policy refusal Chromium reports on any page of the run. */
const cspRefusals: string[] = [];

async function signIn(p: Page, email: string): Promise<void> {
  await p.goto(`${server.url}/#/screening`);
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(TEST_PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function openSection(label: string, heading: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe.skipIf(!ready)('web app end to end (headless Chromium)', () => {
  beforeAll(async () => {
    buildWebApp();
    [server, browser] = await Promise.all([startEntenteServer(SHARED_DATA), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspRefusals.push(m.text());
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the bootstrap accounts and loads the first page under 300 kB of gzipped JavaScript', async () => {
    expect(server.signInLine).toContain(AGENCY);
    expect(server.signInLine).toContain(EXPORTER);
    const scripts: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => gzipSync(b).length));
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    page.removeAllListeners('response');
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(300 * 1024);
    await saveScreenshot(page, '01-sign-in');
  });

  it('refuses a wrong password with a readable message, then signs in with the keyboard', async () => {
    await page.getByLabel('Email').fill(EXPORTER);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/password|credentials|sign/i);
    await page.getByLabel('Password').fill('');
    await page.getByLabel('Password').focus();
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
    expect(await page.getByTestId('who').textContent()).toContain('Exporter');
    // An exporter does not see the agencies' denials.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Denials' }).count(),
    ).toBe(0);
  });

  it('screens a name: ranked matches with score bars, why each matched, the full record, and a clearance', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Vladimir Putin');
    await page.getByLabel('Type').selectOption('person');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const results = page.getByRole('region', { name: 'Screening results' });
    await results.getByText(/\d+ subjects? \(\d+ listings?\) for “Vladimir Putin”/).waitFor();
    const first = results.locator('li.match').first();
    expect(await first.textContent()).toMatch(/PUTIN/i);
    expect(await first.getByRole('meter').first().getAttribute('aria-valuenow')).toBe('1');
    await first.getByRole('button', { name: 'Why this matched' }).click();
    await first.getByText('Name similarity').waitFor();
    await first.getByRole('button', { name: 'Full record' }).click();
    await first.getByText('Programmes').waitFor();
    expect(await first.locator('.party-record').textContent()).toMatch(/RUSSIA/);
    await saveScreenshot(page, '02-screening-match');

    const second = results.locator('li.match').nth(1);
    const listed = await second.locator('.match-name').textContent();
    await second.getByRole('button', { name: 'Clear as false positive' }).click();
    await second.getByLabel('Reason').fill('Test subject: a namesake with a different birth date');
    await second.getByRole('button', { name: 'Record clearance' }).click();
    await results.getByText(/Cleared: Test subject/).waitFor();
    await page.getByRole('tab', { name: 'Cleared matches' }).click();
    await page.getByRole('table', { name: 'Cleared matches' }).getByText('Vladimir Putin').waitFor();
    expect(listed).toBeTruthy();
    await saveScreenshot(page, '03-screening-clearances');
  });

  it('screens a CSV batch with progress, filters hits and downloads CSV and JSONL', async () => {
    await page.getByRole('tab', { name: 'Batch (CSV)' }).click();
    const csv =
      'id,name,type,country\nc1,Vladimir Putin,person,RU\nc2,Entirely Harmless Bakery Ltd,organization,DE\nc3,Kim Jong Un,person,KP\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('customers.csv: 3 names ready.').waitFor();
    await page.getByRole('button', { name: 'Screen the file' }).click();
    await page.getByText(/3 of 3 screened · 2 with matches/).waitFor();
    const table = page.getByRole('table', { name: 'Batch results' });
    await table.getByText('Entirely Harmless Bakery Ltd').waitFor();
    await page.getByLabel('Only names with matches').check();
    expect(await table.getByText('Entirely Harmless Bakery Ltd').count()).toBe(0);
    expect(await table.locator('tbody tr').count()).toBe(2);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('customers-results.csv');
    const [jsonl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSONL' }).click(),
    ]);
    const lines = (await streamText(await jsonl.createReadStream()))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; matches: unknown[] });
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c2', 'c3']);
    expect(lines[1]!.matches).toEqual([]);
    await saveScreenshot(page, '04-screening-batch');
  });

  it('assesses a shipment step by step: determinations side by side, divergences, risk and open questions', async () => {
    await openSection('Transactions', 'Transactions');
    await page.getByLabel('Description').fill('radiation hardened integrated circuit');
    await page.getByRole('button', { name: 'Find classification' }).click();
    await page.getByRole('button', { name: 'Use US:3A001.a.1', exact: true }).click();
    expect(await page.getByLabel('US entry').inputValue()).toBe('3A001.a.1');
    expect(await page.getByLabel('EU entry').inputValue()).toBe('3A001.a.1');
    // The officer refines the US classification to the paragraph, as the open questions ask.
    await page.getByLabel('US entry').fill('3A001.a.1.b');
    await page.getByLabel('Origin country').fill('US');
    await page.getByLabel('Value (USD)').fill('20000');
    await page.getByLabel('US-origin content (%)').fill('100');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /Step 2 of 4/ }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByRole('alert')
      .getByText(/needs a name/)
      .waitFor();
    await page.locator('[name=party-1-name]').fill('Demo Exporter Ltd');
    await page.locator('[name=party-1-country]').fill('GB');
    await page.locator('[name=party-2-name]').fill('Tokyo Precision Instruments KK');
    await page.locator('[name=party-2-country]').fill('JP');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/^Route/).fill('GB, JP');
    await page.getByLabel('Declared end use').fill('Satellite attitude control electronics');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /Step 4 of 4: Review/ }).waitFor();
    await page.getByRole('button', { name: 'Assess transaction' }).click();
    await page.getByRole('heading', { level: 1, name: /Decision record dr_/ }).waitFor();
    await page.getByRole('heading', { name: 'Harmonised summary' }).waitFor();
    expect(await page.locator('.summary-table tr.divergent').count()).toBe(1);
    expect(await page.locator('.divergence-note').textContent()).toMatch(
      /UK: licence-required vs US: no-licence-required/,
    );
    await page.getByRole('region', { name: 'UK determinations' }).getByText('Licence required').waitFor();
    // Each general authorisation considered shows its citation, and "unverified" where no text was read.
    const ukAuthorisations = page
      .getByRole('region', { name: 'UK determinations' })
      .locator('.authorisations li');
    await ukAuthorisations.first().waitFor();
    expect(await ukAuthorisations.allTextContents()).toContainEqual(
      expect.stringMatching(/^UK-GEA-EU001 may apply unverified: .*\(unverified\)/),
    );
    await page.getByRole('region', { name: 'US determinations' }).getByText('No licence required').waitFor();
    await page.getByRole('table', { name: 'Risk score breakdown' }).waitFor();
    await page.getByRole('heading', { name: 'Questions still open' }).waitFor();
    await saveScreenshot(page, '05-transaction-record');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await saveScreenshot(page, '06-transaction-record-print');
    await page.emulateMedia({ media: 'screen' });
    const id = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Decision record ', '');
    await page.getByRole('link', { name: 'Decision records' }).click();
    await page.getByRole('table', { name: 'Decision records' }).getByRole('link', { name: id }).waitFor();
    await saveScreenshot(page, '07-decision-records');
  });

  it('looks up a control entry with its text, versions and counterparts in the other lists side by side', async () => {
    await openSection('Control lists', 'Control lists');
    await page.getByRole('heading', { name: 'Lists', exact: true }).waitFor();
    await page.getByRole('link', { name: 'USML' }).waitFor();
    await page.getByLabel('Product description').fill('radiation hardened integrated circuit');
    await page.getByRole('button', { name: 'Find entries' }).click();
    await page
      .getByRole('list', { name: 'Candidate entries' })
      .getByText('US:3A001.a.1', { exact: true })
      .waitFor();
    await page.locator('select[name=list]').selectOption('US');
    await page.getByLabel('Entry code').fill('3A001.a.1');
    await page.getByRole('button', { name: 'Open entry' }).click();
    await page.getByRole('heading', { level: 1, name: /3A001\.a\.1/ }).waitFor();
    await page
      .getByText(/radiation hardened/i)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Versions' }).waitFor();
    const eu = page.getByRole('region', { name: 'Counterparts in EU' });
    await eu.getByRole('link', { name: 'EU:3A001.a.1' }).waitFor();
    await page.getByRole('region', { name: 'Counterparts in WA' }).waitFor();
    expect(await eu.getByText('Same scope as').count()).toBeGreaterThan(0);
    await saveScreenshot(page, '08-control-entry');
    await eu.getByRole('link', { name: 'EU:3A001.a.1' }).click();
    await page.getByRole('heading', { level: 1, name: /EU\s*3A001\.a\.1/ }).waitFor();
    await page.getByRole('region', { name: 'Counterparts in US' }).waitFor();
  });

  it('browses a control list as a tree by category', async () => {
    await page.goto(`${server.url}/#/controls/US`);
    await page.getByRole('tree', { name: 'US entries by category' }).waitFor();
    await page.getByRole('button', { name: 'Expand 3' }).click();
    await page.getByRole('button', { name: 'Expand 3A001' }).click();
    await page.getByRole('link', { name: '3A001.a' }).first().waitFor();
    await saveScreenshot(page, '09-control-list-tree');
  });

  it("shows an entry's citation, marks an entry whose text could not be read, and shows where a curated link was read", async () => {
    await page.goto(`${server.url}/#/controls/EU/1C450.a.1`);
    await page.getByRole('heading', { level: 1, name: /EU\s*1C450\.a\.1$/ }).waitFor();
    await page
      .getByText(
        'Regulation (EU) 2021/821 Annex I as amended by Delegated Regulation (EU) 2025/2003, entry 1C450.a.1',
      )
      .waitFor();
    expect(await page.getByText('UNVERIFIED', { exact: true }).count()).toBe(0);
    await page.goto(`${server.url}/#/controls/UK/PL9014`);
    await page.getByRole('heading', { level: 1, name: /UK\s*PL9014\s*UNVERIFIED/ }).waitFor();
    await page.getByText(/The Order's Schedule 3 text of this entry was not found/).waitFor();
    await page
      .getByText(/not followed: unverified:/)
      .first()
      .waitFor();
    await saveScreenshot(page, '09b-control-entry-unverified');
    await page.goto(`${server.url}/#/controls/US/3E901`);
    await page
      .getByText(/source: 15 CFR 774 Supp\. 1 ECCN 3E901;.* · read in .* on 2026-12-03/)
      .first()
      .waitFor();
  });

  it('shows the gap map and clicks through to the entries and their classification', async () => {
    await openSection('Gaps', 'Gaps between allies');
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(300);
    await saveScreenshot(page, '10-gap-map');
    await page.getByRole('button', { name: 'Show as table' }).click();
    const matrix = page.getByRole('table', { name: 'Gaps by category and jurisdiction pair' });
    await matrix.getByRole('button', { name: /gaps in 3 Electronics, US→EU/ }).click();
    const cell = page.getByRole('table', { name: 'Gaps of the selected cell' });
    await cell.getByText('Unilateral').first().waitFor();
    expect(await cell.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByLabel('Kind of gap').selectOption('unilateral');
    await page.waitForURL(/kind=unilateral/);
    expect(await cell.getByText('Regime not implemented').count()).toBe(0);
    await cell
      .getByText(/no regime origin/)
      .first()
      .waitFor();
    await saveScreenshot(page, '11-gap-cell');
    await cell.locator('tbody a').first().click();
    await page.getByRole('heading', { name: 'Counterparts in the other lists' }).waitFor();
  });

  it('lists each restricted-party source with its versions and latest changes', async () => {
    await openSection('List updates', 'List updates');
    const table = page.getByRole('table', { name: 'Restricted-party sources' });
    await table.getByRole('link', { name: 'us-ofac-sdn' }).click();
    await page.getByRole('heading', { level: 1, name: 'us-ofac-sdn' }).waitFor();
    const versions = page.getByRole('table', { name: 'Versions' }).locator('tbody tr');
    await versions.nth(1).waitFor();
    expect(await versions.count()).toBeGreaterThan(1);
    await page.getByText(/\d+ added/).waitFor();
    await page.getByRole('table', { name: 'Changes' }).waitFor();
    await saveScreenshot(page, '12-list-updates');
  });

  it('shows the dashboard: screenings and hits, determinations by outcome', async () => {
    await openSection('Dashboard', 'Dashboard');
    await page.getByText('names screened').waitFor();
    expect(Number(await page.locator('.kpi-n').first().textContent())).toBeGreaterThanOrEqual(4);
    await page
      .getByRole('img', { name: /Decision records by strictest outcome: Licence required 1/ })
      .waitFor();
    await page.locator('canvas').nth(1).waitFor();
    await saveScreenshot(page, '13-dashboard');
  });

  it('lets an agency notify a denial and see it in its denials and consultations', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, AGENCY);
    await openSection('Denials', 'Denials and consultations');
    await page.getByRole('tab', { name: 'Notify a denial' }).click();
    await page.getByLabel('Your reference').fill('E2E-DEN-1');
    await page.getByLabel('Destination country').fill('IR');
    await page.locator('[name=item-1-code]').fill('2B001');
    await page.locator('[name=item-1-description]').fill('Five-axis machine tool');
    await page.locator('[name=party-1-name]').fill('Tehran Precision Works');
    await page.locator('[name=party-1-country]').fill('IR');
    await page.getByLabel('Stated end use').fill('Manufacture of centrifuge parts');
    await page.getByLabel('Reason for denial').fill('Risk of diversion to a WMD programme');
    await page.getByRole('button', { name: 'Notify denial' }).click();
    await page.getByRole('heading', { level: 1, name: 'Denial E2E-DEN-1' }).waitFor();
    await page.getByText('Tehran Precision Works').waitFor();
    await saveScreenshot(page, '14-denial');
    await page.getByRole('link', { name: 'Denials', exact: true }).first().click();
    await page.getByRole('table', { name: 'Denials' }).getByText('E2E-DEN-1').waitFor();
    await page.getByRole('tab', { name: 'Consultations' }).click();
    await page
      .getByText(/No consultation awaits your agency|Consultations/)
      .first()
      .waitFor();
    await saveScreenshot(page, '15-consultations');
  });

  it('stays usable on a small laptop screen', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openSection('Screening', 'Screening');
    const box = await page.getByRole('button', { name: 'Screen', exact: true }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await saveScreenshot(page, '16-small-laptop');
  });

  it('analyses a bill of materials: tree, de minimis, value by origin, chokepoints and scenarios side by side', async () => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, EXPORTER);
    await openSection('Supply', 'Supply chain');
    expect(await page.getByRole('link', { name: /Download the BOM template/ }).getAttribute('download')).toBe(
      'bom-template.csv',
    );
    const fixtures = path.join(REPO_ROOT, 'packages/cli/test/fixtures');
    const upload = page.getByLabel('Bill of materials (CSV or JSON)');
    await upload.setInputFiles(path.join(fixtures, 'bom-quantum-cryostat.json'));
    await page.getByText('bom-quantum-cryostat.json: 1 product, 12 components ready.').waitFor();
    await page.getByLabel('Destination (ISO-2, optional)').fill('cn');
    await page.getByRole('checkbox', { name: /US controls quantum computers/ }).check();
    await page.getByRole('checkbox', { name: /UK national controls on quantum/ }).check();
    await page.getByRole('button', { name: 'Analyse and run 2 scenarios' }).click();

    const tree = page.getByRole('table', { name: 'Product tree of dr-500' });
    const pulseTube = tree.getByRole('row', { name: /PT-1/ });
    await pulseTube.waitFor();
    expect(await pulseTube.textContent()).toMatch(
      /^.*PT-1.*US.*Syracuse Cryogenics Inc\..*3A904\.bControlled.*3A504Controlled/,
    );
    await pulseTube.getByRole('button', { name: 'Details of PT-1' }).click();
    await tree.getByText('Supply leg US → FI').waitFor();
    await tree.getByText(/counted \(€48,000\): licence-required to CN/).waitFor();

    const reach = page.getByRole('table', { name: 'US de minimis of dr-500 by destination' });
    const china = reach.getByRole('row', { name: /China/ }).first();
    expect(await china.textContent()).toMatch(/30\.0%.*25%.*Subject to the EAR/);
    expect(await reach.getByRole('meter').getAttribute('aria-valuetext')).toBe(
      '30.0% against a de minimis level of 25%',
    );

    expect(await page.locator('.hhi').textContent()).toMatch(/^5,008\.9HHI High/);
    await page
      .getByRole('img', { name: /by jurisdiction of origin: US €126,000 \(52\.1%\), EU €115,800 \(47\.9%\)/ })
      .waitFor();
    await page.locator('canvas').first().waitFor();

    const singleSource = page.getByRole('region', { name: /^Single source/ });
    expect(await singleSource.textContent()).toMatch(
      /DU-3 Dilution unit insert.*only Nordkyl Cryogenics Oy \(Finland\)/,
    );
    expect(await page.getByRole('region', { name: /^Common High Priority List/ }).textContent()).toMatch(
      /LNA-4.*tier 1/,
    );
    expect(await page.getByRole('region', { name: /^Divergent control status/ }).textContent()).toMatch(
      /US:3A904 · not UK/,
    );

    const us = page.getByRole('region', { name: /US controls quantum computers/ });
    expect(await us.locator('.stake').textContent()).toMatch(/20\.5%.*€86,000 of €420,000/);
    expect(await us.textContent()).toMatch(
      /TWPA-5.*Alternates remaining: Cambridge Quantum Amplifiers Ltd \(GB\)/,
    );
    expect(await page.getByRole('region', { name: /UK national controls on quantum/ }).textContent()).toMatch(
      /0\.0%.*No component of this product is affected/,
    );
    await page
      .getByRole('region', { name: 'Data read' })
      .getByText(/8 scenarios, [0-9a-f]{12}/)
      .waitFor();
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, '17-supply');

    // The same page with a CSV BOM and a listed supplier: DJI's gimbal is at stake.
    await upload.setInputFiles(path.join(fixtures, 'bom-uav.csv'));
    await page.getByText('bom-uav.csv: 1 product, 12 components ready.').waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('checkbox', { name: /DJI added to the US Entity List/ }).check();
    await page.getByRole('button', { name: 'Analyse and run 1 scenario' }).click();
    const dji = page.getByRole('region', { name: /DJI added to the US Entity List/ });
    expect(await dji.locator('.stake').textContent()).toMatch(/13\.8%/);
    expect(await dji.textContent()).toMatch(/GMB-06 Three-axis stabilised zoom gimbal camera/);
    const radio = page
      .getByRole('table', { name: 'Product tree of uav-x8' })
      .getByRole('row', { name: /RAD-11/ });
    expect(await radio.textContent()).toMatch(/row 12.*US.*5A002\.aControlled/);
    expect(await reachRow(page, 'uav-x8')).toMatch(/19\.1%.*25%.*Not subject/);

    // A bad row gives a readable error naming the file, the row and the column.
    const bad =
      'product,product_made_in,part_id,description,quantity,unit_value,supplier,supplier_country,origin\n' +
      'uav,PL,A-1,Frame,1,100,Rzeszow Composites,PL,PL\nuav,PL,B-2,Motor,four,20,Nanchang Motor Works,CN,CN\n';
    await upload.setInputFiles({ name: 'bad-bom.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: /^Analyse/ }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Please check the bill of materials').waitFor();
    await alert.getByText('bad-bom.csv row 3, quantity: "four" is not a number', { exact: false }).waitFor();
    const where = page.getByRole('definition');
    expect(await page.locator('.error-where').textContent()).toBe('Filebad-bom.csvRow3Fieldquantity');
    expect(await where.count()).toBe(3);
    expect(await page.getByRole('table', { name: /Product tree/ }).count()).toBe(0);
    await saveScreenshot(page, '18-supply-bad-bom');
  });

  it('opens the API reference, and no page of the run broke the Content Security Policy', async () => {
    await page.goto(`${server.url}/docs`);
    await page.getByRole('heading', { name: /Entente API/ }).waitFor();
    await page.getByText('GET', { exact: true }).first().waitFor();
    expect(cspRefusals).toEqual([]);
  });
});

/** The text of the first row of a product's de minimis table. */
async function reachRow(p: Page, product: string): Promise<string | null> {
  return p
    .getByRole('table', { name: `US de minimis of ${product} by destination` })
    .locator('tbody tr')
    .first()
    .textContent();
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let s = '';
  for await (const chunk of stream) s += chunk.toString();
  return s;
}
