/**
 * The admin panel for the SPIS communications office: in Bosnian, Croatian and Serbian (both
 * scripts) besides English, dates typed as they are here, this CMS's own name, nothing that calls
 * another server (no release checks, no Marketplace).
 */
import type { ComponentType } from 'react';
import type { RBACMiddleware, StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Earth } from '@strapi/icons';
import { dismissStrapiAnnouncements } from './announcements';
import { contentManagerLanding } from './content-manager-landing';
import logo from './branding/logo.svg';
import { LocalDateInput, LocalDateTimeInput, LocalTimeInput } from './dates/inputs';
import { KeepTypingOnRefusal } from './keep-typing';
import { LinksNotCarried } from './links-in-languages';
import { withReadableCells } from './list-cells';
import { withReadableLocalizedMark } from './localized-field-mark';
import { ownDocumentsOnly, ReadOnlyNote } from './rights/own-documents';
import { withoutPublishingIfNotAllowed } from './rights/publish-actions';
import { ScheduledPanel } from './scheduling';
import { languageMessages } from './language/LanguageWidget';
import { installLocalFormats } from './language/formats';
import { restoreInterfaceLanguage } from './language/restore-language';
import { INTERFACE_LANGUAGES, translations } from './translations';

/** Permissions whose links lead off this server; no role here uses them. */
const OFFSITE_PERMISSIONS = new Set(['admin::marketplace.read']);

type ContentManagerApis = Pick<ContentManagerPlugin, 'addEditViewSidePanel' | 'addDocumentAction'>;

const withoutOffsiteLinks: RBACMiddleware = () => (next) => (permissions) => next(permissions.filter((permission) => !OFFSITE_PERMISSIONS.has(permission.action)));

export default {
  config: {
    locales: [...INTERFACE_LANGUAGES],
    translations,
    auth: { logo },
    menu: { logo },
    head: { favicon: logo },
    notifications: { releases: false },
    tutorials: false,
  },
  register(app: StrapiApp) {
    installLocalFormats();
    dismissStrapiAnnouncements();
    // Strapi types a field input as taking no props; the Content Manager renders it with a field's.
    const fieldInputs = { date: LocalDateInput, time: LocalTimeInput, datetime: LocalDateTimeInput };
    app.addFields(Object.entries(fieldInputs).map(([type, Component]) => ({ type, Component: Component as unknown as ComponentType })));
    app.addMiddlewares([restoreInterfaceLanguage]);
    app.router.addRoute(contentManagerLanding);
    app.addRBACMiddleware([withoutOffsiteLinks, ownDocumentsOnly]);
    app.widgets.register((widgets) => [
      {
        id: 'interface-language',
        icon: Earth,
        title: languageMessages.title,
        component: async () => (await import('./language/LanguageWidget')).LanguageWidget,
      },
      // Strapi Cloud's "Deploy" widget points at a service this CMS does not use.
      ...widgets.filter((widget) => widget.id !== 'deploy-now'),
    ]);
  },
  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', withReadableCells);
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', withReadableLocalizedMark);
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addEditViewSidePanel((panels) => [ReadOnlyNote, ScheduledPanel, LinksNotCarried, KeepTypingOnRefusal, ...panels]);
    contentManager.addDocumentAction((actions) => actions.map(withoutPublishingIfNotAllowed));
  },
};
