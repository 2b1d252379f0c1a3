/**
 * Strapi 5.54 offers only the languages it ships in its pickers and falls back to English on load
 * for any other (strapi/strapi#22596, "allow to add custom languages"). Signed in, the panel takes
 * each user's saved language; this restores the last one chosen on this browser (Bosnian at first)
 * for the sign-in page too, with the action Strapi's own language toggle dispatches.
 */
import type { Middleware } from '@reduxjs/toolkit';
import { DEFAULT_INTERFACE_LANGUAGE, INTERFACE_LANGUAGE_CODES } from '../../interface-language';

/** Where Strapi's language toggle keeps the choice, and its action. */
const STORED_LANGUAGE = 'strapi-admin-language';
const SET_LOCALE = 'admin/setLocale';

type LanguageState = { admin_app?: { language?: { locale?: string } } };

export function wantedLanguage(stored: string | null): string {
  return INTERFACE_LANGUAGE_CODES.find((language) => language === stored) ?? DEFAULT_INTERFACE_LANGUAGE;
}

export const restoreInterfaceLanguage = (): Middleware => {
  let restored = false;
  return (store) => (next) => (action) => {
    const result = next(action);
    if (!restored) {
      restored = true;
      const wanted = wantedLanguage(window.localStorage.getItem(STORED_LANGUAGE));
      if ((store.getState() as LanguageState).admin_app?.language?.locale !== wanted) store.dispatch({ type: SET_LOCALE, payload: wanted });
    }
    return result;
  };
};
