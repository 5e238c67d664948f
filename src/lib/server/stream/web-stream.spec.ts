import { describe, expect, it } from 'vitest';
import type { PledgeChangeListener } from '../pledges/types';
import { StreamHub } from './stream-hub';
import { webStreamResponse } from './web-stream';

function quietLedger() {
	const listeners = new Set<PledgeChangeListener>();
	return {
		snapshot: async () => ({ count: 4, updatedAt: '2022-05-18T18:25:00.000Z', latest: [] }),
		changes: {
			subscribe(listener: PledgeChangeListener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			}
		}
	};
}

describe('webStreamResponse', () => {
	it('streams the current count with event-stream headers', async () => {
		const hub = new StreamHub(quietLedger());
		const response = webStreamResponse(hub);
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
		const reader = response.body!.getReader();
		let text = '';
		while (!text.includes('data:')) text += new TextDecoder().decode((await reader.read()).value);
		expect(text).toMatch(/event: count\ndata: \{"count":4,/);
		await reader.cancel();
		hub.closeAll();
	});

	it('unsubscribes when the client goes away', async () => {
		const hub = new StreamHub(quietLedger());
		const reader = webStreamResponse(hub).body!.getReader();
		expect(hub.size).toBe(1);
		await reader.cancel();
		expect(hub.size).toBe(0);
		hub.closeAll();
	});
});
