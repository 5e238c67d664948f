import { describe, expect, it } from 'vitest';
import { shortAddressParts } from './short-address';
import { requestedTheme, themeClass } from './theme';

describe('the short address under a QR code', () => {
	it('drops the scheme and the trailing slash, and breaks after slashes only', () => {
		expect(shortAddressParts('https://event.example.org/en/')).toEqual(['event.example.org/', 'en']);
		expect(shortAddressParts('http://localhost:3000/fr/live/questions')).toEqual(['localhost:3000/', 'fr/', 'live/', 'questions']);
	});
});

describe('a page’s fixed colour scheme', () => {
	it('is the one ?theme= names, else the page’s own default', () => {
		expect(requestedTheme(new URL('https://x.org/en/screen?theme=light'), 'dark')).toBe('light');
		expect(requestedTheme(new URL('https://x.org/en/screen'), 'dark')).toBe('dark');
		expect(requestedTheme(new URL('https://x.org/en/embed/counter?theme=purple'))).toBeUndefined();
		expect(themeClass('dark')).toBe('theme-dark');
		expect(themeClass(undefined)).toBeUndefined();
	});
});
