import { describe, expect, it } from 'vitest';
import { countryName, dayInZone, formatDate, formatDay, formatTime, formatTimeRange, isoInZone, wallClocksDiffer, zoneCity } from './format';

// The formatters' own inputs, not the event's instants: an hour of a Wednesday afternoon in New York
// summer time (EDT), so moving the event leaves these expectations alone.
const start = new Date('2022-05-18T17:30:00Z');
const end = new Date('2022-05-18T18:30:00Z');
const NEW_YORK = 'America/New_York';

const nbsp = /[\u00a0\u202f]/g;
const plain = (text: string) => text.replace(nbsp, ' ');

describe('times in New York', () => {
	it('shows the start in each language', () => {
		expect(plain(formatTime(start, 'en', NEW_YORK))).toBe('1:30 PM');
		expect(formatTime(start, 'fr', NEW_YORK)).toBe('13:30');
	});

	it('shows the session as a range', () => {
		expect(plain(formatTimeRange(start, end, 'en', NEW_YORK))).toMatch(/^1:30\s?–\s?2:30 PM$/);
		expect(plain(formatTimeRange(start, end, 'fr', NEW_YORK))).toMatch(/^13:30\s?–\s?14:30$/);
	});

	it('names the day in each language', () => {
		expect(formatDate(start, 'en', NEW_YORK)).toBe('Wednesday, May 18, 2022');
		expect(formatDate(start, 'fr', NEW_YORK)).toBe('mercredi 18 mai 2022');
	});

	it('names a calendar day as it is written, in each language', () => {
		expect(formatDay('2026-03-01', 'en')).toBe('Sunday, March 1, 2026');
		expect(formatDay('2026-03-01', 'fr')).toBe('dimanche 1 mars 2026');
	});

	it('does not depend on the time zone of the process', () => {
		// The instants are UTC; every formatter names its zone, so TZ cannot leak in.
		expect(isoInZone(start, NEW_YORK)).toBe('2022-05-18T13:30:00-04:00');
		expect(isoInZone(end, NEW_YORK)).toBe('2022-05-18T14:30:00-04:00');
	});
});

describe("times in the visitor's zone", () => {
	it('shows Paris and Tokyo wall-clock times', () => {
		expect(formatTime(start, 'fr', 'Europe/Paris')).toBe('19:30');
		expect(formatTime(start, 'fr', 'Asia/Tokyo')).toBe('02:30');
		expect(formatDate(start, 'en', 'Asia/Tokyo')).toBe('Thursday, May 19, 2022');
	});

	it('tells when a zone differs from New York', () => {
		expect(wallClocksDiffer(start, 'America/New_York', NEW_YORK)).toBe(false);
		expect(wallClocksDiffer(start, 'America/Toronto', NEW_YORK)).toBe(false);
		expect(wallClocksDiffer(start, 'Europe/Paris', NEW_YORK)).toBe(true);
	});

	it('tells the calendar day in a zone', () => {
		expect(dayInZone(start, 'America/New_York')).toBe('2022-05-18');
		expect(dayInZone(start, 'Asia/Tokyo')).toBe('2022-05-19');
		expect(dayInZone(new Date('2022-05-18T03:59:00Z'), 'America/New_York')).toBe('2022-05-17');
	});

	it('names a zone by its city', () => {
		expect(zoneCity('Europe/Paris')).toBe('Paris');
		expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
	});
});

describe('country names', () => {
	it('come from the ISO code in the page language', () => {
		expect(countryName('UG', 'en')).toBe('Uganda');
		expect(countryName('UG', 'fr')).toBe('Ouganda');
	});
});
