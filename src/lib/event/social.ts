/** An account's page on the service the event's accounts are on. */
export function accountUrl(handle: string): string {
	return `https://twitter.com/${encodeURIComponent(handle)}`;
}

export function hashtagUrl(tag: string): string {
	return `https://twitter.com/hashtag/${encodeURIComponent(tag)}`;
}
