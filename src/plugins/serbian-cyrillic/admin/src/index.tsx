/**
 * Admin side: a "Create Cyrillic version" action in the content manager's edit view.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { CreateCyrillicVersionAction } from './CreateCyrillicVersionAction';

type DocumentActions = { addDocumentAction: (reduce: (actions: unknown[]) => unknown[]) => void };

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: 'serbian-cyrillic', name: 'Serbian Cyrillic' });
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as DocumentActions).addDocumentAction((actions) => [...actions, CreateCyrillicVersionAction]);
  },
};
