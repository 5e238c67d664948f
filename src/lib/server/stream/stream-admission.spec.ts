import { describe, expect, it } from 'vitest';
import { createStreamAdmission } from './stream-admission.js';

describe('stream admission', () => {
	it('caps the streams of one address and leaves room for others', () => {
		const admission = createStreamAdmission({ perAddress: 2, total: 10 });
		const first = admission.admit('192.0.2.1');
		expect(first.admitted).toBe(true);
		expect(admission.admit('192.0.2.1').admitted).toBe(true);
		expect(admission.admit('192.0.2.1')).toEqual({ admitted: false, reason: 'address' });
		expect(admission.admit('192.0.2.2').admitted).toBe(true);
		if (first.admitted) {
			first.release();
			first.release();
		}
		expect(admission.open).toBe(2);
		expect(admission.admit('192.0.2.1').admitted).toBe(true);
	});

	it('caps the streams in all, and 0 per address means no cap per address', () => {
		const admission = createStreamAdmission({ perAddress: 0, total: 3 });
		for (let i = 0; i < 3; i++) expect(admission.admit('198.51.100.7').admitted).toBe(true);
		expect(admission.admit('198.51.100.8')).toEqual({ admitted: false, reason: 'total' });
	});
});
