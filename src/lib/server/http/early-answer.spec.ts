import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { answerEarly, earlyAnswer } from './early-answer.js';

const request = { method: 'GET' } as IncomingMessage;
const response = {} as ServerResponse;

describe('the early answer between serve.js and the app', () => {
	it('is none while the app registers nothing, then the registered one, for the request it is given', async () => {
		expect(earlyAnswer(request, response)).toBeUndefined();
		const asked: [IncomingMessage, ServerResponse][] = [];
		answerEarly((given, to) => {
			asked.push([given, to]);
			return given.method === 'GET' ? Promise.resolve(true) : undefined;
		});
		expect(await earlyAnswer(request, response)).toBe(true);
		expect(asked).toEqual([[request, response]]);
		// A request the app does not take: the route's.
		expect(earlyAnswer({ method: 'HEAD' } as IncomingMessage, response)).toBeUndefined();
	});
});
