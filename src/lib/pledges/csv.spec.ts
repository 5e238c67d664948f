import { describe, expect, it } from 'vitest';
import { parseCsv, previewImport } from './csv';

describe('parseCsv', () => {
	it('reads quoted fields with commas, escaped quotes and line breaks', () => {
		expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual({ records: [['a', 'b'], ['x, y', 'say "hi"\nthere']] });
	});

	it('skips blank lines and a byte-order mark', () => {
		expect(parseCsv('\uFEFFa,b\n\n1,2')).toEqual({ records: [['a', 'b'], ['1', '2']] });
	});

	it('reports an unterminated quote', () => {
		expect(parseCsv('a,b\n"open,2\n')).toEqual({ problem: 'unterminatedQuote' });
	});
});

describe('previewImport', () => {
	const header = 'Government,Country,Title,Compacts,URL';

	it('turns every good row into a pledge', () => {
		const preview = previewImport(`${header}\nKampala Capital City Authority,ug,Welcome desks,GCM;GCR,https://example.org\nVille de Grigny,FR,Café,,`);
		expect(preview).toMatchObject({ isValid: true });
		if (!('rows' in preview)) throw new Error('expected rows');
		expect(preview.rows.map((row) => row.pledge)).toEqual([
			{ government: 'Kampala Capital City Authority', country: 'UG', title: 'Welcome desks', compacts: ['GCM', 'GCR'], url: 'https://example.org' },
			{ government: 'Ville de Grigny', country: 'FR', title: 'Café', compacts: [] }
		]);
	});

	it('reports bad rows with their line and field errors and marks the file not importable', () => {
		const preview = previewImport(`${header}\nGood City,UG,Fine,GCM,\n,XX,<script>x</script>,SDG,javascript:alert(1)\nOther,FR,Fine too,,`);
		if (!('rows' in preview)) throw new Error('expected rows');
		expect(preview.isValid).toBe(false);
		expect(preview.rows.filter((row) => row.errors)).toEqual([
			expect.objectContaining({ line: 3, errors: { government: 'required', country: 'country', title: 'markup', compacts: 'compacts', url: 'url' } })
		]);
		expect(preview.rows.filter((row) => row.pledge)).toHaveLength(2);
	});

	it('reads a status column, leniently written, and leaves a blank status for the store to default', () => {
		const preview = previewImport('government,country,title,status\nA,UG,One,In progress\nB,UG,Two,ACHIEVED\nC,UG,Three,in_progress\nD,UG,Four,');
		if (!('rows' in preview)) throw new Error('expected rows');
		expect(preview.rows.map((row) => row.pledge?.status)).toEqual(['in-progress', 'achieved', 'in-progress', undefined]);
	});

	it('reports an unknown status on its row', () => {
		const preview = previewImport('government,country,title,status\nA,UG,One,done\nB,UG,Two,planned');
		if (!('rows' in preview)) throw new Error('expected rows');
		expect(preview.isValid).toBe(false);
		expect(preview.rows[0]).toMatchObject({ line: 2, errors: { status: 'status' } });
		expect(preview.rows[1].pledge?.status).toBe('planned');
	});

	it('refuses a file without the required columns', () => {
		expect(previewImport('name,country\nx,UG')).toEqual({ problem: 'missingColumns', missing: ['government', 'title'] });
	});

	it('refuses an empty file and a header alone', () => {
		expect(previewImport('')).toEqual({ problem: 'empty' });
		expect(previewImport(header)).toEqual({ problem: 'empty' });
	});

	it('refuses more than 1000 rows', () => {
		expect(previewImport(`${header}\n${'A,UG,T,,\n'.repeat(1001)}`)).toEqual({ problem: 'tooManyRows' });
	});
});
