import type { Core, UID } from '@strapi/strapi';

/** The app's own content types (`api::…`): the SPIS content model. */
export const apiContentTypeUids = (strapi: Core.Strapi): UID.ContentType[] =>
  Object.keys(strapi.contentTypes).filter((uid): uid is UID.ContentType => uid.startsWith('api::'));
