import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { isHandedOverAtEvent } from './handover';

const HOUR = 3_600_000;
const start = new Date(event.start);
const end = new Date(event.end);

describe('a pledge handed over at the event', () => {
	it('is one recorded before the event or on its day, in the event’s time zone', () => {
		expect(isHandedOverAtEvent(new Date(start.getTime() - 30 * 24 * HOUR), event)).toBe(true);
		expect(isHandedOverAtEvent(start, event)).toBe(true);
		expect(isHandedOverAtEvent(new Date(end.getTime() + HOUR), event)).toBe(true);
	});

	it('is not one recorded on a later day', () => {
		expect(isHandedOverAtEvent(new Date(start.getTime() + 36 * HOUR), event)).toBe(false);
		expect(isHandedOverAtEvent(new Date(start.getTime() + 4 * 365 * 24 * HOUR), event)).toBe(false);
	});
});
