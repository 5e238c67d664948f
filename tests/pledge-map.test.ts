import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { countryName } from '$lib/i18n/format';
import { validateHtml } from './support/nu-validator';
import { recordPledge } from './support/organizer-token';
import { sharedOrganizer, uniqueTitle } from './support/organizers';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

type Lang = 'en' | 'fr';
/** "Norway: 2 pledges", as the map names a country. */
const countryLine = (lang: Lang, code: string, count: number) => t[lang]('pledges:map.country', { country: countryName(code, lang), formatted: String(count), count });
/** "2 pledges match.", the list's status once filtered. */
const matches = (lang: Lang, count: number) => t[lang]('pledges:public.matching', { formatted: String(count), count });
/** A row of the table: the country, marked when the map cannot show it, and its number. */
const row = (lang: Lang, code: string, count: number, { isOnMap = true } = {}) => {
	const name = countryName(code, lang);
	return { name, header: isOnMap ? name : `${name} (${t[lang]('pledges:map.table.notOnMap')})`, count };
};

// The world map of /{lang}/pledges: server-drawn SVG, each country with pledges a link to its list,
// and a table of the same numbers. Countries no other suite uses, so their numbers are known here;
// Tuvalu has no shape in Natural Earth's 1:50m map, Palau is drawn as a dot.
const PLEDGES = { SN: 3, NO: 2, JP: 1, PW: 1, TV: 1 };
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// In order, in one worker.
test.describe.configure({ mode: 'default' });

// Tops each country up to its number: a worker started again after a failure runs this again.
test.beforeAll(async ({ baseURL }) => {
	const { token } = sharedOrganizer();
	for (const [country, count] of Object.entries(PLEDGES)) {
		const listed = await (await fetch(`${baseURL}/en/pledges?country=${country}`)).text();
		for (let index = listed.match(/<article class="pledge[\s"]/g)?.length ?? 0; index < count; index++) {
			await recordPledge(baseURL!, token, uniqueTitle(`Map check in ${country}`), { government: `Map check government ${country}`, country });
		}
	}
});

/** Clicks a shape of the map nearest its middle where it is on top, a pixel round (a middle can be a neighbour's). */
async function clickShape(shape: Locator) {
	await shape.scrollIntoViewIfNeeded();
	const position = await shape.evaluate((element) => {
		const box = element.getBoundingClientRect();
		const isOnTop = (x: number, y: number) => [-1, 0, 1].every((dx) => [-1, 0, 1].every((dy) => document.elementFromPoint(x + dx, y + dy) === element));
		let best: { x: number; y: number; distance: number } | undefined;
		for (let y = Math.ceil(box.top); y <= box.bottom; y++) {
			for (let x = Math.ceil(box.left); x <= box.right; x++) {
				const distance = Math.hypot(x - (box.left + box.right) / 2, y - (box.top + box.bottom) / 2);
				if ((!best || distance < best.distance) && isOnTop(x, y)) best = { x, y, distance };
			}
		}
		if (!best) throw new Error('the shape is covered everywhere');
		return { x: best.x - box.left, y: best.y - box.top };
	});
	await shape.click({ position });
}

/** Each link of the map: its address and the number its name gives. */
async function mapLinks(page: Page) {
	const links = await page.locator('svg.world a').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href')!, name: a.querySelector('title')!.textContent! })));
	return links.map(({ href, name }) => ({ code: new URL(href, 'http://x').searchParams.get('country')!, href, name, count: Number(/(\d+)\D*$/.exec(name)![1]) }));
}

/** Each row of the table: country name, what the header cell says, the number. */
async function tableRows(page: Page, caption: string) {
	return page
		.getByRole('table', { name: caption })
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) => ({
				name: row.querySelector('th a')!.textContent!,
				header: row.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim(),
				count: Number(row.querySelector('td')!.textContent)
			}))
		);
}

test('each country with pledges is a link on the map, named with its number, to a list of as many pledges', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/en/pledges');
	const links = await mapLinks(page);
	expect(links.filter(({ code }) => code in PLEDGES)).toEqual(
		expect.arrayContaining([
			{ code: 'SN', href: '/en/pledges?country=SN', name: countryLine('en', 'SN', 3), count: 3 },
			{ code: 'NO', href: '/en/pledges?country=NO', name: countryLine('en', 'NO', 2), count: 2 },
			{ code: 'JP', href: '/en/pledges?country=JP', name: countryLine('en', 'JP', 1), count: 1 },
			{ code: 'PW', href: '/en/pledges?country=PW', name: countryLine('en', 'PW', 1), count: 1 }
		])
	);
	expect(links.map(({ code }) => code)).not.toContain('TV');
	await expect(page.locator('svg.world a[href$="=SN"]')).toHaveClass(/\bstep-2\b/);

	// Followed the way a visitor does: a country's shape, a small country's dot.
	await clickShape(page.locator('svg.world a[href$="=NO"] path'));
	await expect(page).toHaveURL('/en/pledges?country=NO');
	await expect(page.getByText(matches('en', 2))).toHaveRole('status');
	await expect(page.locator('.pledge-list > li')).toHaveCount(2);
	await expect(page.locator('.pledge-by')).toHaveText(Array(2).fill(`Map check government NO · ${countryName('NO', 'en')}`));
	// The country shown is outlined on the map and marked in the table.
	await expect(page.locator('svg.world a.is-current')).toHaveAttribute('href', '/en/pledges?country=NO');
	await expect(page.locator('table [aria-current="true"]')).toHaveText(countryName('NO', 'en'));
	await clickShape(page.locator('svg.world a[href$="=PW"] circle'));
	await expect(page).toHaveURL('/en/pledges?country=PW');
	await expect(page.locator('.pledge-list > li')).toHaveCount(1);

	for (const { href, count } of links.filter(({ code }) => code in PLEDGES)) {
		await page.goto(href);
		await expect(page.locator('.pledge-list > li'), href).toHaveCount(count);
	}
	await context.close();
});

test('the table gives the map’s numbers and those of countries not on it, most pledges first, then by name', BOTH_ENGINES, async ({ page }) => {
	await page.goto('/en/pledges');
	const rows = await tableRows(page, t.en('pledges:map.table.caption'));
	const links = await mapLinks(page);
	expect(rows).toEqual(
		expect.arrayContaining([
			row('en', 'SN', 3),
			row('en', 'NO', 2),
			row('en', 'PW', 1),
			row('en', 'TV', 1, { isOnMap: false })
		])
	);
	// Every link on the map, other suites' countries too, says what its row says (one rendering).
	const countByName = new Map(rows.map(({ name, count }) => [name, count]));
	for (const link of links) expect(countByName.get(link.name.slice(0, link.name.lastIndexOf(': '))), link.name).toBe(link.count);
	expect(rows.length).toBe(links.length + rows.filter(({ header }) => header.endsWith(`(${t.en('pledges:map.table.notOnMap')})`)).length);

	const collator = new Intl.Collator('en');
	const sorted = [...rows].sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
	expect(rows).toEqual(sorted);

	await page.getByRole('link', { name: countryName('TV', 'en') }).click();
	await expect(page).toHaveURL('/en/pledges?country=TV');
	await expect(page.getByText(matches('en', 1))).toHaveRole('status');
});

test('in French: names, numbers and words in French', async ({ page }) => {
	await page.goto('/fr/pledges');
	await expect(page.getByRole('heading', { level: 2, name: t.fr('pledges:map.heading') })).toBeVisible();
	await expect(page.locator('svg.world a[href="/fr/pledges?country=NO"] title')).toHaveText(countryLine('fr', 'NO', 2));
	await expect(page.locator('svg.world a[href="/fr/pledges?country=JP"] title')).toHaveText(countryLine('fr', 'JP', 1));
	expect(await tableRows(page, t.fr('pledges:map.table.caption'))).toEqual(
		expect.arrayContaining([
			row('fr', 'SN', 3),
			row('fr', 'TV', 1, { isOnMap: false })
		])
	);
	await expect(page.getByRole('link', { name: countryName('NO', 'fr') })).toHaveAttribute('href', '/fr/pledges?country=NO');
	await expect(page.getByRole('list', { name: t.fr('pledges:map.legend') }).getByRole('listitem')).toHaveText([
		'1',
		t.fr('pledges:map.range', { from: 2, to: 4 }),
		t.fr('pledges:map.range', { from: 5, to: 9 }),
		t.fr('pledges:map.atLeast', { from: 10 })
	]);
});

/** WCAG's contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
	const luminance = (color: string) => {
		const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((value) => {
			const channel = Number(value) / 255;
			return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (lighter + 0.05) / (darker + 0.05);
}

for (const mode of [
	{ name: 'light mode', colorScheme: 'light', media: 'screen' },
	{ name: 'dark mode', colorScheme: 'dark', media: 'screen' },
	{ name: 'print from a dark screen', colorScheme: 'dark', media: 'print' }
] as const) {
	test(`in ${mode.name}, each colour that counts pledges has 3:1 against the page and against countries without any`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: mode.colorScheme, media: mode.media });
		await page.goto('/en/pledges');
		const colours = await page.evaluate(() => ({
			page: getComputedStyle(document.documentElement).backgroundColor,
			land: getComputedStyle(document.querySelector('svg.world .land')!).fill,
			steps: [...document.querySelectorAll('.legend .swatch')].map((swatch) => getComputedStyle(swatch).fill),
			countries: [...document.querySelectorAll('svg.world a path, svg.world a circle')].map((shape) => getComputedStyle(shape).fill)
		}));
		expect(new Set(colours.steps).size).toBe(4);
		expect(new Set(colours.countries).size).toBeGreaterThan(1);
		for (const fill of new Set([...colours.steps, ...colours.countries])) {
			expect(contrast(fill, colours.page), `${fill} on ${colours.page}`).toBeGreaterThanOrEqual(3);
			expect(contrast(fill, colours.land), `${fill} beside ${colours.land}`).toBeGreaterThanOrEqual(3);
		}
	});
}

for (const [path, colorScheme] of [
	['/en/pledges', 'light'],
	['/fr/pledges', 'dark'],
	['/en/pledges?country=NO', 'light']
] as const) {
	test(`axe finds nothing on ${path} with the map, in ${colorScheme} mode`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto(path);
		const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
}

test('the W3C Nu validator finds no error in the pledges pages with the map', async ({ request }) => {
	// One JVM start, slow on a busy machine.
	test.setTimeout(120_000);
	const documents: Record<string, string> = {};
	for (const path of ['/en/pledges', '/fr/pledges', '/en/pledges?country=PW']) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		documents[path] = await response.text();
		expect(documents[path], path).toContain('<svg class="world');
	}
	expect(await validateHtml(documents)).toEqual([]);
});
