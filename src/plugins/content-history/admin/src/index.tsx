/**
 * Admin side: the "History" panel beside each document's form in the Content Manager (a side
 * panel, the Content Manager's public extension point), in the panel's five languages.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { HistoryPanel } from './HistoryPanel';
import { historyTranslations } from './translations';

type ContentManagerApis = Pick<ContentManagerPlugin, 'addEditViewSidePanel'>;

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'content-history', name: 'Content history' });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addEditViewSidePanel((panels) => [...panels, HistoryPanel]);
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.filter((locale) => locale in historyTranslations).map((locale) => ({ locale, data: historyTranslations[locale] }));
  },
};
