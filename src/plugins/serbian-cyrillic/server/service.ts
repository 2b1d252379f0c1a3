/**
 * Creates the Serbian Cyrillic version of a document from its Latin text: each localized text
 * field of the first Latin-script version on the sr-Cyrl fallback chain (sr-Latn, else bs, …),
 * transliterated, saved as a draft for the editor to review. Shared fields and links come from
 * the other versions (src/content-api/locale-versions.ts); the slug is made from the new title.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { attributesOf, localizedTextFields } from '../../../content-api/content-types';
import { cyrillicSources, isFilled, parseFallbackConfig } from '../../../locales/fallback';
import { fieldToCyrillic } from '../../../transliteration/fields';

const CYRILLIC = 'sr-Cyrl';

/** The document already has a Cyrillic version; the editor's work there is never overwritten. */
export class VersionExistsError extends Error {}

type Ability = unknown;
type PermissionChecker = {
  cannot: { read: (entity?: object) => boolean; create: (entity?: object) => boolean };
  sanitizeCreateInput: (data: Record<string, unknown>) => Promise<Record<string, unknown>>;
};

/** Component values without their row ids, so the new version gets rows of its own. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, withoutIds(inner)])
    );
  }
  return value;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create({ model, documentId, userAbility, user }: { model: string; documentId: string; userAbility: Ability; user: { id: number } }) {
    const contentType = strapi.contentTypes[model as UID.ContentType];
    const localized = (contentType?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized;
    if (!contentType || contentType.kind !== 'collectionType' || !localized) {
      throw new errors.NotFoundError(`${model} is not a localized collection type`);
    }
    const uid = model as UID.ContentType;
    const versions: Array<{ locale: string }> = await strapi.db.query(uid).findMany({ where: { documentId }, select: ['locale'] });
    if (versions.length === 0) throw new errors.NotFoundError(`No ${contentType.info.singularName} with documentId ${documentId}`);
    if (versions.some((version) => version.locale === CYRILLIC)) {
      throw new VersionExistsError(`This document already has a ${CYRILLIC} version; edit it there instead.`);
    }
    const sources = cyrillicSources(parseFallbackConfig(strapi.config.get('locales.fallback')));
    const source = sources.find((locale) => versions.some((version) => version.locale === locale));
    if (!source) throw new errors.ValidationError(`The document has no ${sources.join(' or ')} version to write in Cyrillic`);

    const permissions: PermissionChecker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model });
    if (permissions.cannot.read({ locale: source }) || permissions.cannot.create({ locale: CYRILLIC })) {
      throw new errors.ForbiddenError(`You may not create ${CYRILLIC} versions of ${contentType.info.displayName} from ${source}`);
    }

    const attributes = attributesOf(strapi, uid);
    const fields = localizedTextFields(strapi, uid).filter((name) => attributes[name].type !== 'uid');
    const components = fields.filter((name) => attributes[name].type === 'component');
    const latin = (await strapi.documents(uid).findOne({ documentId, locale: source, status: 'draft', populate: components as never })) as Record<string, unknown>;
    const componentSchemas = (componentUid: string) => attributesOf(strapi, componentUid);
    const transliterated = Object.fromEntries(
      fields.filter((name) => isFilled(latin[name])).map((name) => [name, fieldToCyrillic(attributes[name], withoutIds(latin[name]), componentSchemas)])
    );
    // Only the fields this editor may write, as the content manager itself does.
    const data = await permissions.sanitizeCreateInput(transliterated);

    await strapi.documents(uid).update({
      documentId,
      locale: CYRILLIC,
      status: 'draft',
      data: { ...data, createdBy: user.id, updatedBy: user.id } as never,
    });
    return { documentId, locale: CYRILLIC, status: 'draft', transliteratedFrom: source, fields: Object.keys(data) };
  },
});
