// @ts-check
import { channel } from 'node:diagnostics_channel';

/**
 * The bridge between src/bin/serve.js and the app for answers that need none of SvelteKit's handling (a
 * kept page: src/lib/server/pledges/kept-on-node.ts): serve.js asks, after the headers every response gets,
 * before its compression and adapter-node's handler; the app answers. A channel by name, since serve.js and
 * the built app each load their own copy of this module. `vite dev` and `vite preview` never ask: every
 * request goes through the route there.
 */
const earlyAnswers = channel('imrf:early-answer');

/**
 * @typedef {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<boolean> | undefined} EarlyAnswer
 * Undefined when it does not take the request; else settles true once it has answered, false to leave it to the route (nothing written).
 */

/** The app's answer to a request, if it takes it (see EarlyAnswer); undefined when nothing in the app answers early. @type {EarlyAnswer} */
export function earlyAnswer(request, response) {
	if (!earlyAnswers.hasSubscribers) return undefined;
	/** @type {{ request: typeof request, response: typeof response, answer: Promise<boolean> | undefined }} */
	const message = { request, response, answer: undefined };
	earlyAnswers.publish(message);
	return message.answer;
}

/** Registers the app's early answer (once per process: the first one registered answers). @param {EarlyAnswer} answer */
export function answerEarly(answer) {
	earlyAnswers.subscribe((message) => {
		const asked = /** @type {{ request: Parameters<EarlyAnswer>[0], response: Parameters<EarlyAnswer>[1], answer: Promise<boolean> | undefined }} */ (message);
		asked.answer ??= answer(asked.request, asked.response);
	});
}
