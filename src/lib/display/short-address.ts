/**
 * An address as a room reads it under a QR code: without the scheme or a trailing slash
 * (`https://event.example.org/en/` → `event.example.org/en`), in parts that may break after a
 * slash and nowhere else.
 */
export function shortAddressParts(url: string): string[] {
	const { host, pathname } = new URL(url);
	const path = pathname.replace(/\/+$/, '');
	return `${host}${path}`.split(/(?<=\/)/);
}
