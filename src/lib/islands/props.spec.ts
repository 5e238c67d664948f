import { describe, expect, it } from 'vitest';
import { parseProps, serializeProps } from './props';

describe('island props', () => {
	it('survive the attribute round trip, dates included', () => {
		const props = { lang: 'fr', start: new Date('2022-05-18T17:30:00Z'), initial: { count: 2, latest: [{ title: '<b>x</b>' }] }, end: undefined };
		const back = parseProps(serializeProps(props));
		expect(back.start).toBeInstanceOf(Date);
		expect((back.start as Date).toISOString()).toBe('2022-05-18T17:30:00.000Z');
		expect(back).toEqual({ lang: 'fr', start: props.start, initial: props.initial });
	});

	it('read no attribute as no props', () => {
		expect(parseProps(undefined)).toEqual({});
	});
});
