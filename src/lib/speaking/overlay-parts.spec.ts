import { describe, expect, it } from 'vitest';
import { OVERLAY_PARTS, overlayStreamUrl, shownParts } from './overlay-parts';

describe('the boxes ?show= asks the overlay for', () => {
	it('are every box without a value, or with a value naming none', () => {
		for (const show of [null, '', 'nothing', ', ,']) expect(shownParts(show)).toEqual([...OVERLAY_PARTS]);
	});

	it('are the ones named, in the overlay’s order, whatever the spelling’s order, case and spaces', () => {
		expect(shownParts('question, SPEAKER')).toEqual(['speaker', 'question']);
		expect(shownParts('count,typo')).toEqual(['count']);
	});

	it('follow one stream carrying only their topics', () => {
		expect(overlayStreamUrl(['speaker', 'question'])).toBe('/api/live?topics=speaking,questions');
		expect(overlayStreamUrl([...OVERLAY_PARTS])).toBe('/api/live?topics=speaking,count,questions');
	});
});
