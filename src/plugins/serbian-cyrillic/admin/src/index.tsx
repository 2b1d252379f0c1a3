/**
 * Admin side: the "Create Cyrillic version" action, in the document's "…" menu and the language menu.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { CreateCyrillicVersionAction, withCyrillicFromLatin } from './CreateCyrillicVersionAction';

type ContentManagerApis = Pick<ContentManagerPlugin, 'addDocumentAction' | 'addDocumentHeaderAction'>;

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'serbian-cyrillic', name: 'Serbian Cyrillic' });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerApis;
    contentManager.addDocumentAction((actions) => [...actions, CreateCyrillicVersionAction]);
    contentManager.addDocumentHeaderAction((actions) => actions.map(withCyrillicFromLatin));
  },
};
