import type { Language } from '$lib/i18n/languages';
import type { Pledge, PledgeStatus } from './types';

/** The organizers' status of a pledge, as schema.org's ActionStatusType names it. */
const ACTION_STATUS: Record<PledgeStatus, string> = {
	planned: 'https://schema.org/PotentialActionStatus',
	'in-progress': 'https://schema.org/ActiveActionStatus',
	achieved: 'https://schema.org/CompletedActionStatus'
};

/**
 * schema.org for a pledge's page. schema.org has no "pledge" or "commitment"; the closest honest
 * reading is an `Action` (something an agent does) whose `agent` is the `GovernmentOrganization` that
 * pledged it, described by the page (`WebPage`, its `mainEntity`), which carries the dates we know:
 * when it was recorded and last corrected. `actionStatus` is the status organizers record
 * (planned, in progress, achieved: src/lib/pledges/status.ts), nothing guessed. No value is added that the organizers did not give: no place beyond the country, no dates of action.
 * The pledge's own link, when given, is a page about it (`subjectOf`).
 */
export function pledgeJsonLd(pledge: Pledge, lang: Language, pageUrl: string, imageUrl: string): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'WebPage',
		'@id': pageUrl,
		url: pageUrl,
		inLanguage: lang,
		name: pledge.title,
		dateCreated: pledge.createdAt,
		dateModified: pledge.updatedAt,
		primaryImageOfPage: { '@type': 'ImageObject', contentUrl: imageUrl },
		mainEntity: {
			'@type': 'Action',
			'@id': `${pageUrl}#pledge`,
			name: pledge.title,
			actionStatus: ACTION_STATUS[pledge.status],
			...(pledge.description ? { description: pledge.description } : {}),
			agent: {
				'@type': 'GovernmentOrganization',
				name: pledge.government,
				address: { '@type': 'PostalAddress', addressCountry: pledge.country }
			},
			...(pledge.url ? { subjectOf: { '@type': 'WebPage', url: pledge.url } } : {})
		}
	};
}
