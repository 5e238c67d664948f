import { afterEach, describe, expect, test } from 'vitest';
import { nchanCrowd, nchanMissing, startNchan } from './nchan.js';
import { arrivals } from './stream-load.js';

/** The frames a subscriber has read so far, until `until` is in them. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: string) {
	const decoder = new TextDecoder();
	let text = '';
	while (!text.includes(until)) text += decoder.decode((await reader.read()).value, { stream: true });
	return text;
}

// The reference needs Debian's nginx and its nchan module: without them the bench says so and skips it, and so does this file.
describe.skipIf(nchanMissing() !== undefined)('the nginx+nchan reference', () => {
	const stops: (() => Promise<void>)[] = [];
	afterEach(async () => {
		for (const stop of stops.splice(0)) await stop();
	});

	test("a message published to a channel reaches that channel's EventSource subscribers under its event name, and no other channel's", async () => {
		const nchan = await startNchan(16);
		stops.push(nchan.stop);
		const subscribe = async (channel: string) => {
			const response = await fetch(`http://${nchan.host}:${nchan.port}${nchan.subscribePath(channel)}`, { headers: { accept: 'text/event-stream' } });
			const reader = (response.body as ReadableStream<Uint8Array>).getReader();
			stops.push(() => reader.cancel());
			await readUntil(reader, ': hi');
			return reader;
		};
		const english = await subscribe('en');
		const french = await subscribe('fr');
		await nchan.publish('en', 'caption', '{"text":"first"}');
		await nchan.publish('fr', 'caption', '{"text":"premier"}');

		const englishText = await readUntil(english, '"first"');
		expect(englishText).toMatch(/event: caption\n(id: .*\n)?data: \{"text":"first"\}\n\n/);
		expect(englishText).not.toContain('premier');
		expect(await readUntil(french, '"premier"')).not.toContain('first');
	});

	test("its crowd holds subscribers with the site's client code and times a publish's arrival at each of them", async () => {
		const crowd = await nchanCrowd(40, 2);
		if (!crowd) throw new Error('the reference is installed but did not start');
		stops.push(crowd.stop);
		const streams = await crowd.open(40, 'count');
		expect(streams).toMatchObject({ held: 40, failed: 0, each: [20, 20] });

		const delays = (await arrivals(crowd.generators, '"count":7,', () => crowd.nchan.publish('count', 'count', '{"count":7,"latest":[]}'), { from: 'sent' })).flat();
		expect(delays).toHaveLength(40);
		for (const delay of delays) expect(delay).not.toBeNull();
		expect(crowd.memoryPerStream(streams.held)).toBeGreaterThan(0);
	});
});
