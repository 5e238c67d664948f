import { describe, expect, it, vi } from 'vitest';
import { keptMarkup } from './kept-markup';

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
