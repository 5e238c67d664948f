// @ts-check
// Plain JavaScript, so that svelte.config.js (the CSP) reads the same fact as the pages (event.ts).

/** The languages the session is interpreted into (from the brief); each is a sound channel beside the floor. */
export const INTERPRETATION = /** @type {const} */ (['en', 'fr']);
