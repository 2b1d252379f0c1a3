/**
 * The admin panel's language per staff member. New accounts start in Bosnian, the office's
 * language; each person changes it on the panel's home page (src/admin/language).
 */
import type { Core } from '@strapi/strapi';

export const DEFAULT_INTERFACE_LANGUAGE = 'bs';

/** Languages the panel speaks (src/admin/translations), as an account stores its choice. */
export const INTERFACE_LANGUAGE_CODES = ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl'] as const;

type AdminUserData = { preferedLanguage?: string | null };

export function registerDefaultInterfaceLanguage(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as AdminUserData;
      data.preferedLanguage ||= DEFAULT_INTERFACE_LANGUAGE;
    },
  });
}
