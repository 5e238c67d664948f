import { describe, expect, it } from 'vitest';
import { parseModeration, questionFromForm, translationsFromForm, validateQuestion, validateTranslations } from './schema';

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

describe('translations', () => {
	it('takes texts or null by site language, nothing else', () => {
		expect(parseModeration({ status: 'approved', translations: { fr: 'Pourquoi ?' } })).toEqual({ status: 'approved', translations: { fr: 'Pourquoi ?' } });
		expect(parseModeration({ translations: { fr: null } })).toEqual({ translations: { fr: null } });
		for (const translations of [{}, { de: 'Warum?' }, { fr: 3 }, 'Pourquoi ?', ['fr']]) expect(parseModeration({ translations })).toBeUndefined();
	});

	it('holds a translation to the question’s own text rules', () => {
		expect(validateTranslations({ fr: '  Pourquoi  ?\n ', en: null })).toEqual({ success: true, translations: { fr: 'Pourquoi  ?', en: null } });
		expect(validateTranslations({ fr: '\u200b\u2060' })).toEqual({ success: false, errors: { 'translations.fr': 'required' } });
		expect(validateTranslations({ fr: 'x'.repeat(281) })).toEqual({ success: false, errors: { 'translations.fr': 'tooLong' } });
		expect(validateTranslations({ fr: '<b>Pourquoi</b>' })).toEqual({ success: false, errors: { 'translations.fr': 'markup' } });
		expect(validateTranslations({ fr: 'Pour\u202equoi' })).toEqual({ success: false, errors: { 'translations.fr': 'control' } });
	});

	it('reads the console’s fields: a blank one is nothing when approving, a removal when saving', () => {
		const form = new FormData();
		form.set('translation-fr', 'Pourquoi ?');
		form.set('translation-en', ' ');
		form.set('translation-de', 'Warum?');
		expect(translationsFromForm(form, 'ignored')).toEqual({ fr: 'Pourquoi ?' });
		expect(translationsFromForm(form, 'removes')).toEqual({ fr: 'Pourquoi ?', en: null });
		expect(translationsFromForm(new FormData(), 'removes')).toBeUndefined();
	});
});
