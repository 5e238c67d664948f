import type { QuestionLimits } from './types';

/**
 * Per browser as the issue asks; per address higher, since a room's audience shares one Wi-Fi
 * address (a hundred phones behind one NAT must still be able to ask and vote).
 */
export const QUESTION_LIMITS: QuestionLimits = {
	pendingPerBrowser: 3,
	pendingPerAddress: 30,
	askedPerHourPerBrowser: 10,
	askedPerHourPerAddress: 120,
	votesPerMinutePerBrowser: 60,
	votesPerMinutePerAddress: 1200
};
