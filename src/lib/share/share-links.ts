/** What a share carries: the page, a line of text, the event's hashtags (without #). */
export interface Share {
	url: string;
	text: string;
	hashtags: readonly string[];
	/** E-mail subject line. */
	subject: string;
}

export type ShareService = 'x' | 'linkedin' | 'facebook' | 'whatsapp' | 'email';

export const SHARE_SERVICES: readonly ShareService[] = ['x', 'linkedin', 'facebook', 'whatsapp', 'email'];

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const withHashtags = (share: Share) => `${share.text} ${share.hashtags.map((tag) => `#${tag}`).join(' ')}`;

/** The address that shares the page on a service (its public share endpoint), or by e-mail. */
export function shareUrl(service: ShareService, share: Share): string {
	switch (service) {
		case 'x':
			return `https://twitter.com/intent/tweet?${query({ text: share.text, url: share.url, hashtags: share.hashtags.join(',') })}`;
		case 'linkedin':
			return `https://www.linkedin.com/sharing/share-offsite/?${query({ url: share.url })}`;
		case 'facebook':
			return `https://www.facebook.com/sharer/sharer.php?${query({ u: share.url, hashtag: `#${share.hashtags[0] ?? ''}` })}`;
		case 'whatsapp':
			return `https://wa.me/?${query({ text: `${withHashtags(share)} ${share.url}` })}`;
		case 'email':
			// mailto wants %20 for spaces: URLSearchParams' "+" would show up in the mail.
			return `mailto:?subject=${encodeURIComponent(share.subject)}&body=${encodeURIComponent(`${withHashtags(share)}\n\n${share.url}`)}`;
	}
}
