import { describe, expect, it } from 'vitest';
import { SHARE_SERVICES, shareUrl } from './share-links';

const share = {
	url: 'https://example.org/fr/',
	text: 'De Marrakech à New York : événement parallèle',
	hashtags: ['CitiesIMRF', 'Call2Action'],
	subject: 'De Marrakech à New York'
};

describe('share links', () => {
	it('carry the page URL on every service', () => {
		for (const service of SHARE_SERVICES) {
			const link = shareUrl(service, share);
			const values = service === 'email' ? [decodeURIComponent(link)] : [...new URL(link).searchParams.values()];
			expect(values.some((value) => value.includes(share.url)), service).toBe(true);
		}
	});

	it('carry the hashtags where the service takes text', () => {
		expect(new URL(shareUrl('x', share)).searchParams.get('hashtags')).toBe('CitiesIMRF,Call2Action');
		expect(new URL(shareUrl('whatsapp', share)).searchParams.get('text')).toBe(
			'De Marrakech à New York : événement parallèle #CitiesIMRF #Call2Action https://example.org/fr/'
		);
		expect(decodeURIComponent(shareUrl('email', share))).toContain('#CitiesIMRF #Call2Action');
	});

	it('encodes e-mail spaces as %20, not +', () => {
		const link = shareUrl('email', share);
		expect(link.startsWith('mailto:?subject=De%20Marrakech%20%C3%A0%20New%20York&body=')).toBe(true);
		expect(link).not.toContain('+');
	});
});
