import { describe, expect, it, vi } from 'vitest';
import { insertKeptMarkup, KEPT_MARKUP_SLOT, keptMarkup } from './kept-markup';

describe('markup kept per owner and key', () => {
	it('is made once for an owner and key, and again for another key or owner', () => {
		const make = vi.fn(() => `<p>${make.mock.calls.length}</p>`);
		const version1 = {};
		const version2 = {};
		expect(keptMarkup(version1, '', make)).toBe('<p>1</p>');
		expect(keptMarkup(version1, '', make)).toBe('<p>1</p>');
		expect(keptMarkup(version1, 'FR', make)).toBe('<p>2</p>');
		expect(keptMarkup(version2, '', make)).toBe('<p>3</p>');
		expect(keptMarkup(version1, 'FR', make)).toBe('<p>2</p>');
		expect(make).toHaveBeenCalledTimes(3);
	});

	it('keeps an empty markup as made', () => {
		const make = vi.fn(() => '');
		const owner = {};
		keptMarkup(owner, '', make);
		expect(keptMarkup(owner, '', make)).toBe('');
		expect(make).toHaveBeenCalledTimes(1);
	});

	it('remembers nothing when making fails', () => {
		const owner = {};
		expect(() =>
			keptMarkup(owner, '', () => {
				throw new Error('no map');
			})
		).toThrow('no map');
		expect(keptMarkup(owner, '', () => '<svg></svg>')).toBe('<svg></svg>');
	});
});

describe('kept markup put in its slot', () => {
	const page = (slot: string) => `<main><p>before</p><!---->${slot}<!----><p>after</p></main>`;

	it('takes the place of the slot, with the markers around it as they are', () => {
		expect(insertKeptMarkup(page(KEPT_MARKUP_SLOT), '<section>map</section>')).toBe(page('<section>map</section>'));
	});

	it('leaves a page without markup, or without a slot, as it is', () => {
		expect(insertKeptMarkup(page(KEPT_MARKUP_SLOT), undefined)).toBe(page(KEPT_MARKUP_SLOT));
		expect(insertKeptMarkup(page(''), '<section>map</section>')).toBe(page(''));
	});

	it('fills the first slot only, and takes the markup as it is (no replacement patterns)', () => {
		expect(insertKeptMarkup(`${KEPT_MARKUP_SLOT}|${KEPT_MARKUP_SLOT}`, "$& $' $1")).toBe(`$& $' $1|${KEPT_MARKUP_SLOT}`);
	});
});
