import { describe, expect, it } from 'vitest';
import { encodeEvent, encodeRetry, HEARTBEAT } from './sse';

describe('encodeEvent', () => {
	it('writes id, event and data fields ended by a blank line', () => {
		expect(encodeEvent({ id: 7, event: 'count', data: '{"count":3}' })).toBe('id: 7\nevent: count\ndata: {"count":3}\n\n');
	});

	it('splits data with line breaks into several data lines', () => {
		expect(encodeEvent({ data: 'a\nb\r\nc' })).toBe('data: a\ndata: b\ndata: c\n\n');
	});
});

describe('encodeRetry', () => {
	it('spreads the reconnection delay over the range', () => {
		expect(encodeRetry(1000, 5000, () => 0)).toBe('retry: 1000\n\n');
		expect(encodeRetry(1000, 5000, () => 0.5)).toBe('retry: 3000\n\n');
		expect(encodeRetry(1000, 5000, () => 0.9999)).toBe('retry: 4999\n\n');
	});
});

describe('HEARTBEAT', () => {
	it('is a comment, which EventSource ignores', () => {
		expect(HEARTBEAT.startsWith(':')).toBe(true);
		expect(HEARTBEAT.endsWith('\n\n')).toBe(true);
	});
});
