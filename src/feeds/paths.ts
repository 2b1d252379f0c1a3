/** The paths feeds answer on: their language is in the path, not negotiated (the response cache keys them so). */
export const isFeedPath = (path: string): boolean => path.startsWith('/feeds/') || path.startsWith('/sitemaps/') || path === '/sitemap.xml';
