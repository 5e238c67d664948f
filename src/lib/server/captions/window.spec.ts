import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { CAPTIONING_MARGIN_MINUTES, isInCaptioningWindow } from './window';

const margin = CAPTIONING_MARGIN_MINUTES * 60_000;
const shifted = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

describe('the captioning window', () => {
	it('opens the margin before the start and closes the margin after the end', () => {
		expect(isInCaptioningWindow(event, shifted(event.start, -margin - 1))).toBe(false);
		expect(isInCaptioningWindow(event, shifted(event.start, -margin))).toBe(true);
		expect(isInCaptioningWindow(event, shifted(event.end, margin))).toBe(true);
		expect(isInCaptioningWindow(event, shifted(event.end, margin + 1))).toBe(false);
	});
});
