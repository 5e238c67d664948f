import { describe, expect, it } from 'vitest';
import { isCalendarDay, NOTE_LIMIT, todayInEventZone, validateNote } from './notes';

const today = '2026-05-18';

describe('validateNote', () => {
	it('accepts a past day and plain text, normalized', () => {
		expect(validateNote({ date: '2026-05-01', text: '  Cafe\u0301 solidaire opened at the town hall ' }, today)).toEqual({
			success: true,
			note: { date: '2026-05-01', text: 'Café solidaire opened at the town hall' }
		});
	});

	it('dates a note without a day today, and accepts today', () => {
		expect(validateNote({ date: '', text: 'Done' }, today)).toEqual({ success: true, note: { date: today, text: 'Done' } });
		expect(validateNote({ text: 'Done' }, today)).toEqual({ success: true, note: { date: today, text: 'Done' } });
		expect(validateNote({ date: today, text: 'Done' }, today).success).toBe(true);
	});

	it.each([
		['a day in the future', { date: '2026-05-19', text: 'x' }, { date: 'future' }],
		['a day that does not exist', { date: '2026-02-30', text: 'x' }, { date: 'date' }],
		['a day in another format', { date: '18/05/2026', text: 'x' }, { date: 'date' }],
		['a number as the day', { date: 20260518, text: 'x' }, { date: 'date' }],
		['an empty note', { date: today, text: '   ' }, { text: 'required' }],
		['a missing note', { date: today }, { text: 'required' }],
		['a too long note', { date: today, text: 'x'.repeat(NOTE_LIMIT + 1) }, { text: 'tooLong' }],
		['markup in the note', { date: today, text: 'see <a href=x>here</a>' }, { text: 'markup' }],
		['a bidirectional override', { date: today, text: 'x\u202Ey' }, { text: 'control' }],
		['not an object', 'note', { body: 'type' }]
	])('refuses %s', (_name, input, errors) => {
		expect(validateNote(input, today)).toEqual({ success: false, errors });
	});
});

describe('the day of a note', () => {
	it('knows the days of the calendar', () => {
		expect(isCalendarDay('2024-02-29')).toBe(true);
		expect(isCalendarDay('2026-02-29')).toBe(false);
		expect(isCalendarDay('2026-13-01')).toBe(false);
		expect(isCalendarDay('2026-5-1')).toBe(false);
	});

	it('is today in New York by default, even when it is already tomorrow in UTC', () => {
		expect(todayInEventZone(new Date('2026-05-19T02:00:00Z'))).toBe('2026-05-18');
		expect(todayInEventZone(new Date('2026-05-19T05:00:00Z'))).toBe('2026-05-19');
	});
});
