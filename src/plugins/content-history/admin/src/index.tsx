/**
 * Admin side, in the panel's five languages, through the Content Manager's and the admin's public
 * extension points: beside each document's form the "Translation" and "History" panels; at the
 * label of each out-of-date translated field a mark (the edit view's layout hook); and
 * "Translations" in the main menu, the overview of every type in every language (shown to all
 * staff: the server counts what each may read).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Globe } from '@strapi/icons';
import { withFreshnessMarks } from './FreshnessMarks';
import { HistoryPanel } from './HistoryPanel';
import { messages } from './messages';
import { TranslationPanel } from './TranslationPanel';
import { historyTranslations } from './translations';

type ContentManagerApis = Pick<ContentManagerPlugin, 'addEditViewSidePanel'>;

const EDIT_VIEW_LAYOUT = 'Admin/CM/pages/EditView/mutate-edit-view-layout';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'content-history', name: 'Content history' });
    app.addMenuLink({
      to: 'plugins/content-history/translations',
      icon: Globe,
      intlLabel: messages.coverageMenu,
      permissions: [],
      Component: () => import('./CoveragePage'),
    });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addEditViewSidePanel((panels) => [...panels, TranslationPanel, HistoryPanel]);
    // Once the app's own bootstrap (src/admin/app.tsx, run right after the plugins') has registered
    // its hooks: the app replaces the i18n globe at localized fields' labels with its own, and a
    // hook run before it would lose the mark with the globe. Run after, the mark follows the globe.
    queueMicrotask(() => app.registerHook(EDIT_VIEW_LAYOUT, withFreshnessMarks));
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.filter((locale) => locale in historyTranslations).map((locale) => ({ locale, data: historyTranslations[locale] }));
  },
};
