/**
 * When the site was built, the same constant on the server and in the browser. A prerendered page
 * and its first render in the browser show the phase at this instant when it is settled (the event
 * was already over), else no phase: both agree, and the page never claims a phase that time could
 * have made wrong. The browser's clock takes over as soon as the page is mounted.
 */
export const builtAt = new Date(__BUILT_AT__);
