import { describe, expect, it } from 'vitest';
import { dateTimeFormat, listFormat, numberFormat } from './intl-cache';

describe('Intl formatter cache', () => {
	it('builds one formatter per locale and options, and reuses it', () => {
		const first = dateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' });
		expect(dateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' })).toBe(first);
		expect(dateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })).not.toBe(first);
		expect(dateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' })).not.toBe(first);
		expect(numberFormat('fr-FR')).toBe(numberFormat('fr-FR'));
		expect(numberFormat('fr-FR', { style: 'unit', unit: 'day' })).not.toBe(numberFormat('fr-FR'));
		expect(listFormat('en-US', { type: 'conjunction' })).toBe(listFormat('en-US', { type: 'conjunction' }));
	});

	it('formats with the options it was asked for', () => {
		const instant = new Date('2022-05-18T17:30:00Z');
		expect(dateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(instant)).toBe('13:30');
		expect(dateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(instant)).toBe('19:30');
	});
});
