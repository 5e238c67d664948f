import { env } from '$env/dynamic/private';
import { DEFAULT_LIST_SIZE } from './types';

/** How many days questions and votes are kept (after the event, and after they were asked). */
export function retentionDays(): number {
	const days = Number(env.QUESTIONS_RETENTION_DAYS);
	return Number.isFinite(days) && days > 0 ? days : 30;
}

/** How many questions of each public status a list shows at first, and each "show more" page adds (1–200). */
export function listSize(): number {
	const size = Number(env.QUESTIONS_LIST_SIZE);
	return Number.isInteger(size) && size >= 1 && size <= 200 ? size : DEFAULT_LIST_SIZE;
}
