import { describe, expect, it } from 'vitest';
import { heldTag } from './entity-tags';

describe('heldTag', () => {
	it('compares weakly, and gives the tag in the form the client sent it', () => {
		expect(heldTag('W/"a"', ['"a"'])).toBe('W/"a"');
		expect(heldTag('"a"', ['W/"a"'])).toBe('"a"');
		expect(heldTag('"b", W/"a"', ['"a"'])).toBe('W/"a"');
	});

	it('takes the first candidate the header names, and * for the first', () => {
		expect(heldTag('"plain", "br"', ['"br"', '"plain"'])).toBe('"br"');
		expect(heldTag('*', ['"x"', '"y"'])).toBe('"x"');
	});

	it('names nothing for another tag, an empty header or none', () => {
		expect(heldTag('"b"', ['"a"'])).toBeUndefined();
		expect(heldTag('W/"ab"', ['"a"'])).toBeUndefined();
		expect(heldTag('', ['"a"'])).toBeUndefined();
		expect(heldTag(null, ['"a"'])).toBeUndefined();
	});
});
