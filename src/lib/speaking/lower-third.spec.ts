import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { event } from '$lib/event/event';
import { lowerThird, segmentOnNow } from './lower-third';

// Instants named by their place in the event (as tests/support/instants.ts does; a spec in src/ cannot import tests/).
const MINUTE = 60_000;
const shifted = (instant: Date, ms: number) => new Date(instant.getTime() + ms);
const segment = (id: string) => event.segments.find((each) => each.id === id)!;
const MOMENTS = {
	twoDaysBefore: shifted(event.start, -2 * 24 * 60 * MINUTE),
	tenMinutesBefore: shifted(event.start, -10 * MINUTE),
	duringTheWelcome: shifted(segment('welcome').start, 5 * MINUTE),
	duringThePanel: shifted(segment('panel').start, 20 * MINUTE),
	afterTheEnd: shifted(event.end, 15 * MINUTE)
};

// The clock is the test's: each case sets the instant, and the rule reads it as the overlay does (new Date()).
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const onNow = () => segmentOnNow(event, new Date());

describe('the segment on now', () => {
	it('is none before the start, even in the last minutes', () => {
		vi.setSystemTime(MOMENTS.twoDaysBefore);
		expect(onNow()).toBeUndefined();
		vi.setSystemTime(MOMENTS.tenMinutesBefore);
		expect(onNow()).toBeUndefined();
	});

	it('is each segment of the agenda while it runs', () => {
		for (const each of event.segments) {
			vi.setSystemTime(shifted(each.start, MINUTE));
			expect(onNow()?.id).toBe(each.id);
		}
	});

	it('changes at the boundary between two segments, the later one owning the instant', () => {
		const [first, second] = event.segments;
		vi.setSystemTime(shifted(second.start, -1));
		expect(onNow()?.id).toBe(first.id);
		vi.advanceTimersByTime(1);
		expect(onNow()?.id).toBe(second.id);
	});

	it('begins at the start and is none from the end on', () => {
		vi.setSystemTime(event.start);
		expect(onNow()?.id).toBe(event.segments[0].id);
		vi.setSystemTime(shifted(event.end, -1));
		expect(onNow()?.id).toBe(event.segments.at(-1)!.id);
		vi.advanceTimersByTime(1);
		expect(onNow()).toBeUndefined();
		vi.setSystemTime(MOMENTS.afterTheEnd);
		expect(onNow()).toBeUndefined();
	});
});

describe('the lower third', () => {
	const panel = segment('panel');
	const moderator = panel.speakers.find((entry) => entry.isModerator)!.speaker;
	const panellist = panel.speakers.find((entry) => !entry.isModerator)!.speaker;

	it('names the picked speaker with the segment on now, and says when they moderate it', () => {
		vi.setSystemTime(MOMENTS.duringThePanel);
		expect(lowerThird(event, onNow(), moderator)).toMatchObject({ segment: { id: 'panel' }, speaker: { id: moderator }, isModerator: true });
		expect(lowerThird(event, onNow(), panellist)).toMatchObject({ segment: { id: 'panel' }, speaker: { id: panellist }, isModerator: false });
	});

	it('keeps the pick outside the event (a rehearsal), with no segment and no moderator', () => {
		vi.setSystemTime(MOMENTS.tenMinutesBefore);
		expect(lowerThird(event, onNow(), moderator)).toEqual({ segment: undefined, speaker: event.speakers.find((s) => s.id === moderator), isModerator: false });
	});

	it('names nobody without a pick, or for an id the event does not know', () => {
		vi.setSystemTime(MOMENTS.duringTheWelcome);
		expect(lowerThird(event, onNow(), null)).toEqual({ segment: segment('welcome'), speaker: undefined, isModerator: false });
		expect(lowerThird(event, onNow(), 'nobody-of-this-event').speaker).toBeUndefined();
	});
});
