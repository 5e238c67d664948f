import { describe, expect, it } from 'vitest';
import { clientTag, loggablePath, requestId } from './logger.js';
import { prettyLine } from './pretty.js';

describe('what the log may say of a request', () => {
	it('keeps a path and its UUIDs, masks segments that look like tokens, and drops query values', () => {
		expect(loggablePath('/en/pledges/0b8e6c1e-3f0a-4c2e-9d7b-5a1f2e3d4c5b')).toBe('/en/pledges/0b8e6c1e-3f0a-4c2e-9d7b-5a1f2e3d4c5b');
		expect(loggablePath('/en/report/k7Qm2ZpX9vLr4TnW8yBc3HdF6sJa?token=abc&lang=fr&token=def')).toBe('/en/report/[redacted]?token=…&lang=…');
	});

	it('takes a plain X-Request-Id and makes one for anything else', () => {
		expect(requestId('probe-42')).toBe('probe-42');
		for (const given of [undefined, '', 'has space', 'x'.repeat(101), ['a', 'b']]) expect(requestId(given)).toMatch(/^[A-Za-z0-9_-]{16}$/);
	});

	it('names a client by a keyed hash, the same each time, never by its address', () => {
		expect(clientTag('203.0.113.7')).toBe(clientTag('203.0.113.7'));
		expect(clientTag('203.0.113.7')).not.toContain('203');
		expect(clientTag('203.0.113.7')).not.toBe(clientTag('203.0.113.8'));
	});

	it('prints a JSON line for people as time, level, message and fields', () => {
		expect(prettyLine('{"level":30,"time":"2022-05-18T17:40:00.123Z","pid":1,"msg":"request","status":200,"path":"/healthz"}')).toBe('17:40:00.123 INFO  request status=200 path=/healthz');
	});
});
