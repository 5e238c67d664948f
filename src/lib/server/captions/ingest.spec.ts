import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { openSqliteStore } from '$lib/server/store/sqlite/index';
import type { Store } from '$lib/server/store/types';
import { CAPTION_RATE, ingestCaption } from './ingest';
import { CAPTION_TEXT_LIMITS } from './line-input';
import { CAPTIONING_MARGIN_MINUTES } from './window';

// A fake clock: every post says when it happens, from the event's instants.
const during = new Date(event.start.getTime() + 60_000);
const beforeTheWindow = new Date(event.start.getTime() - (CAPTIONING_MARGIN_MINUTES + 1) * 60_000);
const actor = { id: 'organizer-1', email: 'organizer@example.org' };

let dir: string;
let store: Store;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'imrf-captions-'));
	store = openSqliteStore(join(dir, 'site.db'));
});
afterEach(async () => {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
});

const stored = async () => [...(await store.captions.latest('en', 1_000)), ...(await store.captions.latest('fr', 1_000))];

describe('posting a caption line', () => {
	it('stores a valid line during the event, final unless it says otherwise', async () => {
		const outcome = await ingestCaption(store, 'captioner-1', { lang: 'en', text: '  Welcome  ' }, during);
		expect(outcome).toMatchObject({ kind: 'stored', line: { lang: 'en', text: 'Welcome', isFinal: true } });
	});

	it.each([
		['no text', { lang: 'en', text: '   ' }, 'text'],
		['too long a text', { lang: 'en', text: 'a'.repeat(CAPTION_TEXT_LIMITS.text + 1) }, 'text'],
		['markup', { lang: 'en', text: '<b>bold</b>' }, 'text'],
		['a control character', { lang: 'en', text: 'bell \u0007' }, 'text'],
		['a language the site does not have', { lang: 'de', text: 'Guten Tag' }, 'lang'],
		['an id with spaces', { lang: 'en', text: 'Hi', id: 'a b' }, 'id'],
		['a final that is not a boolean', { lang: 'en', text: 'Hi', final: 'yes' }, 'final']
	])('refuses %s and stores nothing', async (_case, input, field) => {
		const outcome = await ingestCaption(store, 'captioner-1', input, during);
		expect(outcome.kind).toBe('invalid');
		expect(outcome.kind === 'invalid' && Object.keys(outcome.errors)).toEqual([field]);
		expect(await stored()).toEqual([]);
	});

	it('refuses lines outside the captioning window unless an organizer opened it', async () => {
		expect(await ingestCaption(store, 'captioner-1', { lang: 'fr', text: 'Test' }, beforeTheWindow)).toEqual({ kind: 'closed' });
		expect(await stored()).toEqual([]);
		await store.captions.setOpen(true, actor, beforeTheWindow);
		expect((await ingestCaption(store, 'captioner-1', { lang: 'fr', text: 'Test' }, beforeTheWindow)).kind).toBe('stored');
	});

	it('refuses a flood beyond the rate, storing nothing more, and takes lines again once the window has passed', async () => {
		for (let i = 0; i < CAPTION_RATE.lines; i += 1) {
			expect((await ingestCaption(store, 'captioner-1', { lang: 'en', text: `Line ${i}` }, during)).kind).toBe('stored');
		}
		const refused = await ingestCaption(store, 'captioner-1', { lang: 'en', text: 'One too many' }, during);
		expect(refused).toMatchObject({ kind: 'limited' });
		expect(await stored()).toHaveLength(CAPTION_RATE.lines);
		expect((await ingestCaption(store, 'captioner-2', { lang: 'en', text: 'Another captioner' }, during)).kind).toBe('stored');
		const later = new Date(during.getTime() + CAPTION_RATE.windowMs);
		expect((await ingestCaption(store, 'captioner-1', { lang: 'en', text: 'Back again' }, later)).kind).toBe('stored');
	});
});
