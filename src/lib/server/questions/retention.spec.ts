import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention';

const end = new Date('2022-05-18T18:30:00Z');

describe('retentionCutoff', () => {
	it('keeps everything until the retention period after the event has passed', () => {
		expect(retentionCutoff(new Date('2022-06-17T18:29:59Z'), end, 30)).toBeUndefined();
	});

	it('then deletes what was asked more than the retention period ago', () => {
		expect(retentionCutoff(new Date('2022-06-17T18:30:00Z'), end, 30)).toEqual(new Date('2022-05-18T18:30:00Z'));
		expect(retentionCutoff(new Date('2026-12-02T00:00:00Z'), end, 30)).toEqual(new Date('2026-11-02T00:00:00Z'));
	});

	it('follows the setting', () => {
		expect(retentionCutoff(new Date('2022-05-20T18:30:00Z'), end, 1)).toEqual(new Date('2022-05-19T18:30:00Z'));
	});
});
