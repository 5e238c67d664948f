import type { Translate } from '$lib/i18n/words';
import type { Pledge } from './types';

/** Who wrote a pledge, as its page, its card and its embed say it: its government (verified by the organizers) or the organizers. */
export const authorLine = (pledge: Pick<Pledge, 'reportedBy' | 'government'>, t: Translate) =>
	pledge.reportedBy === 'government' ? t('pledges:public.reportedBy', { government: pledge.government }) : t('pledges:public.recordedByOrganizers');
