import { describe, expect, it } from 'vitest';
import { compactPath } from './compact-path';

describe('compactPath', () => {
	it('writes a ring rounded to whole units, each point after the first relative to the one before', () => {
		const path = compactPath();
		path.moveTo(0.4, 0.4);
		path.lineTo(10.2, 0);
		path.lineTo(10, 5.6);
		path.lineTo(3, -2);
		path.closePath();
		expect(path.take()).toBe('M0,0l10,0 0,6-7-8z');
	});

	it('drops repeated points and the closing point that repeats the first', () => {
		const path = compactPath();
		path.moveTo(0, 0);
		for (const [x, y] of [[0.2, 0.1], [5, 0], [5.3, 0], [5, 5], [0, 0]]) path.lineTo(x, y);
		path.closePath();
		expect(path.take()).toBe('M0,0l5,0 0,5z');
	});

	it('leaves out a ring smaller than a unit, keeping the next one', () => {
		const path = compactPath();
		path.moveTo(1, 1);
		path.lineTo(1.2, 1.3);
		path.lineTo(1.4, 0.9);
		path.closePath();
		path.moveTo(20, 20);
		path.lineTo(30, 20);
		path.lineTo(30, 30);
		path.closePath();
		expect(path.take()).toBe('M20,20l10,0 0,10z');
		expect(path.take()).toBe('');
	});

	it('draws a staircase that rounding makes of a slope as the slope, each dropped point within a unit of it', () => {
		const path = compactPath();
		path.moveTo(0, 0);
		for (let step = 1; step <= 10; step++) {
			path.lineTo(step, step - 1);
			path.lineTo(step, step);
		}
		path.lineTo(0, 10);
		path.closePath();
		expect(path.take()).toBe('M0,0l10,10-10,0z');
	});
});
