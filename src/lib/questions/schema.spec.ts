import { describe, expect, it } from 'vitest';
import { parseModeration, questionFromForm, validateQuestion } from './schema';

describe('validateQuestion', () => {
	it('keeps a question with its language, NFC-normalized and trimmed, and drops blank optional fields', () => {
		const result = validateQuestion({ text: '  Comment les villes de\u0301cident-elles ?  ', name: ' ', affiliation: null, lang: 'fr' });
		expect(result).toEqual({ success: true, question: { text: 'Comment les villes décident-elles ?', lang: 'fr' } });
	});

	it('keeps a name and an affiliation on one line', () => {
		const result = validateQuestion({ text: 'How?', name: 'Ana\nPérez', affiliation: 'City of Montevideo', lang: 'en' });
		expect(result).toEqual({ success: true, question: { text: 'How?', name: 'Ana Pérez', affiliation: 'City of Montevideo', lang: 'en' } });
	});

	it('refuses an empty question, and one over 280 characters', () => {
		expect(validateQuestion({ text: '   ', lang: 'en' })).toEqual({ success: false, errors: { text: 'required' } });
		expect(validateQuestion({ text: 'x'.repeat(281), lang: 'en' })).toEqual({ success: false, errors: { text: 'tooLong' } });
		expect(validateQuestion({ text: 'x'.repeat(280), lang: 'en' }).success).toBe(true);
	});

	it('refuses a name or an affiliation over 80 characters', () => {
		expect(validateQuestion({ text: 'Why?', name: 'n'.repeat(81), affiliation: 'a'.repeat(81), lang: 'en' })).toEqual({
			success: false,
			errors: { name: 'tooLong', affiliation: 'tooLong' }
		});
	});

	it('refuses markup, control and bidirectional-override characters', () => {
		expect(validateQuestion({ text: 'Hi <script>alert(1)</script>', lang: 'en' })).toEqual({ success: false, errors: { text: 'markup' } });
		expect(validateQuestion({ text: 'abc\u202Edef', lang: 'en' })).toEqual({ success: false, errors: { text: 'control' } });
		expect(validateQuestion({ text: 'ok', name: 'x\u0007', lang: 'en' })).toEqual({ success: false, errors: { name: 'control' } });
		expect(validateQuestion({ text: 'Is 3 < 5?', lang: 'en' }).success).toBe(true);
	});

	it('refuses an unknown language, a missing one and a body that is not an object', () => {
		expect(validateQuestion({ text: 'Why?', lang: 'de' })).toEqual({ success: false, errors: { lang: 'lang' } });
		expect(validateQuestion({ text: 'Why?' })).toEqual({ success: false, errors: { lang: 'lang' } });
		expect(validateQuestion(['Why?'])).toEqual({ success: false, errors: { body: 'type' } });
		expect(validateQuestion('Why?')).toEqual({ success: false, errors: { body: 'type' } });
		expect(validateQuestion({ text: 42, lang: 'en' })).toEqual({ success: false, errors: { text: 'type' } });
	});
});

describe('questionFromForm', () => {
	it('reads the form fields and takes the page language', () => {
		const form = new FormData();
		form.set('text', 'Why?');
		form.set('name', 'Ana');
		expect(questionFromForm(form, 'fr')).toEqual({ text: 'Why?', name: 'Ana', affiliation: '', lang: 'fr' });
	});
});

describe('parseModeration', () => {
	it('takes a status other than pending and/or onScreen, nothing else', () => {
		expect(parseModeration({ status: 'approved' })).toEqual({ status: 'approved' });
		expect(parseModeration({ onScreen: true })).toEqual({ onScreen: true });
		expect(parseModeration({ status: 'answered', onScreen: false })).toEqual({ status: 'answered', onScreen: false });
		expect(parseModeration({ status: 'pending' })).toBeUndefined();
		expect(parseModeration({ status: 'deleted' })).toBeUndefined();
		expect(parseModeration({ onScreen: 'yes' })).toBeUndefined();
		expect(parseModeration({})).toBeUndefined();
		expect(parseModeration({ status: 'approved', text: 'edited' })).toBeUndefined();
		expect(parseModeration(null)).toBeUndefined();
	});
});
