/** Where pages load their islands from (not under /_app/immutable/: its name carries no hash). */
export const ISLANDS_PATH = '/islands.js';
