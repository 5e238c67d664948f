import { describe, expect, it } from 'vitest';
import { parseRichText } from './rich-text';

describe('parseRichText', () => {
	it('splits text, strong runs and links', () => {
		expect(parseRichText('See **this** and [the report](gcmReport).')).toEqual([
			{ kind: 'text', text: 'See ' },
			{ kind: 'strong', text: 'this' },
			{ kind: 'text', text: ' and ' },
			{ kind: 'link', text: 'the report', link: 'gcmReport' },
			{ kind: 'text', text: '.' }
		]);
	});

	it('keeps markup-like text as plain text', () => {
		expect(parseRichText('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
	});
});
