import { describe, expect, it } from 'vitest';
import { jsonForScript } from '$lib/seo/json-ld';
import { pledgeJsonLd } from './json-ld';

const pledge = {
	id: '6f1c1f5e-3c1a-4c1e-9a1e-2b1f0c1d2e3f',
	government: 'Kampala Capital City Authority',
	country: 'UG',
	title: 'Language classes at the town hall',
	compacts: ['GCR' as const],
	status: 'in-progress' as const,
	createdAt: '2022-05-18T17:40:00.000Z',
	updatedAt: '2022-05-19T09:00:00.000Z',
	reportedBy: 'organizers' as const
};
const page = 'https://example.org/en/pledges/6f1c1f5e-3c1a-4c1e-9a1e-2b1f0c1d2e3f';

describe('a pledge as schema.org', () => {
	it('is an Action by a GovernmentOrganization, on a page with the dates we know', () => {
		const data = pledgeJsonLd(pledge, 'en', page, 'https://example.org/card.png');
		expect(data).toMatchObject({
			'@type': 'WebPage',
			url: page,
			dateCreated: pledge.createdAt,
			dateModified: pledge.updatedAt,
			mainEntity: {
				'@type': 'Action',
				name: pledge.title,
				agent: { '@type': 'GovernmentOrganization', name: pledge.government, address: { addressCountry: 'UG' } }
			}
		});
	});

	it('says nothing the organizers did not give: no description or link when there are none', () => {
		const action = pledgeJsonLd(pledge, 'en', page, 'https://example.org/card.png').mainEntity as Record<string, unknown>;
		expect(Object.keys(action).sort()).toEqual(['@id', '@type', 'actionStatus', 'agent', 'name']);
		expect(action.actionStatus).toBe('https://schema.org/ActiveActionStatus');
	});

	it('cannot close its script block, whatever the text, and reads back unchanged', () => {
		const hostile = { ...pledge, title: '</script><script>alert(1)</script><!-- x' };
		const json = jsonForScript(pledgeJsonLd(hostile, 'en', page, 'https://example.org/card.png'));
		expect(json).not.toContain('<');
		expect(JSON.parse(json).mainEntity.name).toBe(hostile.title);
	});
});
