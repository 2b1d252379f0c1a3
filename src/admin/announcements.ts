/**
 * Strapi 5.54 shows a banner on every page announcing its new Media Library, with a link to its
 * blog, until each browser dismisses it; there is no setting to turn it off. This marks it
 * dismissed before the panel renders, under the key Strapi keeps the dismissal (its name, then the
 * project id, which is `false` with telemetry off and unknown until the panel has loaded). The
 * browser tests check that no link to strapi.io shows, so an upgrade that renames it is noticed.
 */
const BANNER = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR';
const LEGACY_LIBRARY = ['true', 'false'];
const PROJECT_IDS = ['false', 'undefined'];

export function dismissStrapiAnnouncements(storage: Storage = window.localStorage): void {
  for (const legacy of LEGACY_LIBRARY) for (const project of PROJECT_IDS) storage.setItem(`${BANNER}_${legacy}:${project}`, 'true');
}
