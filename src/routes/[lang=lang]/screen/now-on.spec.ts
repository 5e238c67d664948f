import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { nowOn } from './now-on';

describe('nowOn', () => {
	it('is before the event until 13:30 New York time', () => {
		expect(nowOn(event, new Date('2022-05-18T17:29:59Z'))).toEqual({ kind: 'before' });
	});

	it('names the segment on the agenda at that minute', () => {
		const at = (iso: string) => {
			const now = nowOn(event, new Date(iso));
			return now.kind === 'segment' ? now.segment.id : now.kind;
		};
		expect(at('2022-05-18T17:30:00Z')).toBe('welcome');
		expect(at('2022-05-18T17:40:00Z')).toBe('panel');
		expect(at('2022-05-18T18:25:00Z')).toBe('handover');
	});

	it('is over at 14:30 New York time', () => {
		expect(nowOn(event, new Date('2022-05-18T18:30:00Z'))).toEqual({ kind: 'after' });
	});
});
