/**
 * How the Content Manager shows each type to the communications staff: the list's columns and
 * default order, the edit view's grouping. Each field's label and the line saying what it is for
 * and where partner sites show it are in ./translations (English, and each interface language).
 * Applied at every start (./index.ts), so a fresh install and a running one look the same:
 * change them here, not in the panel's "Configure the view".
 * Status and the language versions get their own list columns from Strapi.
 */
export type Layout = {
  /** The field that names an entry in lists and relation pickers. */
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  /** List columns, in order. */
  list: string[];
  /** Edit view rows of [field, width]; a row is 12 wide. */
  edit: [string, number][][];
};

/** The types in the order editors work with them: the Content Manager opens on the first. */
export const EDITORIAL_ORDER = [
  'api::news-article.news-article',
  'api::workshop.workshop',
  'api::programme.programme',
  'api::phase.phase',
  'api::municipality.municipality',
  'api::contact.contact',
  'api::page.page',
  'api::menu-item.menu-item',
  'api::resource.resource',
  'api::result.result',
  'api::indicator.indicator',
] as const;

export const LAYOUTS: Record<string, Layout> = {
  'api::news-article.news-article': {
    mainField: 'title',
    defaultSortBy: 'publicationDate',
    defaultSortOrder: 'DESC',
    list: ['title', 'publicationDate', 'scheduledPublishAt'],
    edit: [
      [
        ['title', 8],
        ['publicationDate', 4],
      ],
      [
        ['slug', 8],
        ['dateline', 4],
      ],
      [['scheduledPublishAt', 6]],
      [['lead', 12]],
      [['body', 12]],
      [
        ['cover', 6],
        ['coverAlt', 6],
      ],
      [['quotes', 12]],
      [
        ['programme', 6],
        ['workshops', 6],
      ],
      [['municipalities', 6]],
      [['tags', 12]],
      [['seo', 12]],
    ],
  },
  'api::workshop.workshop': {
    mainField: 'title',
    defaultSortBy: 'startDate',
    defaultSortOrder: 'DESC',
    list: ['title', 'startDate', 'scheduledPublishAt'],
    edit: [
      [['title', 12]],
      [
        ['slug', 6],
        ['phase', 6],
      ],
      [
        ['startDate', 3],
        ['startTime', 3],
        ['endDate', 3],
        ['endTime', 3],
      ],
      [
        ['timeZone', 6],
        ['scheduledPublishAt', 6],
      ],
      [
        ['city', 6],
        ['venue', 6],
      ],
      [['description', 12]],
      [
        ['audience', 6],
        ['organisers', 6],
      ],
      [
        ['municipalities', 6],
        ['newsArticles', 6],
      ],
      [['geo', 12]],
    ],
  },
  'api::municipality.municipality': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'entity', 'canton'],
    edit: [
      [
        ['name', 6],
        ['slug', 6],
      ],
      [
        ['kind', 4],
        ['entity', 4],
        ['canton', 4],
      ],
      [['population2013', 4]],
      [['geo', 12]],
      [
        ['phases', 6],
        ['workshops', 6],
      ],
      [['newsArticles', 6]],
    ],
  },
  'api::phase.phase': {
    mainField: 'name',
    defaultSortBy: 'periodStart',
    defaultSortOrder: 'ASC',
    list: ['name', 'periodStart', 'periodEnd', 'programme'],
    edit: [
      [
        ['name', 6],
        ['programme', 6],
      ],
      [
        ['periodStart', 6],
        ['periodEnd', 6],
      ],
      [['focus', 12]],
      [
        ['municipalities', 6],
        ['workshops', 6],
      ],
    ],
  },
  'api::programme.programme': {
    mainField: 'name',
    defaultSortBy: 'startYear',
    defaultSortOrder: 'DESC',
    list: ['name', 'acronym', 'startYear'],
    edit: [
      [
        ['name', 8],
        ['acronym', 4],
      ],
      [
        ['slug', 8],
        ['startYear', 4],
      ],
      [['summary', 12]],
      [['description', 12]],
      [['overallObjective', 12]],
      [['specificObjectives', 12]],
      [
        ['targetGroups', 6],
        ['partners', 6],
      ],
      [['implementationLevels', 12]],
      [['expectedReachChildren', 4]],
      [['funding', 12]],
      [
        ['phases', 6],
        ['contacts', 6],
      ],
      [['newsArticles', 6]],
    ],
  },
  'api::contact.contact': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'organisation', 'email'],
    edit: [
      [
        ['name', 6],
        ['role', 6],
      ],
      [
        ['organisation', 6],
        ['unit', 6],
      ],
      [['address', 12]],
      [
        ['phone', 4],
        ['fax', 4],
        ['email', 4],
      ],
      [['programme', 6]],
    ],
  },
  'api::page.page': {
    mainField: 'title',
    defaultSortBy: 'title',
    defaultSortOrder: 'ASC',
    list: ['title', 'position'],
    edit: [
      [['title', 12]],
      [
        ['slug', 8],
        ['position', 4],
      ],
      [['parent', 6]],
      [['summary', 12]],
      [['body', 12]],
      [
        ['hero', 6],
        ['heroAlt', 6],
      ],
      [['heroCredit', 6]],
      [['children', 6]],
      [['seo', 12]],
    ],
  },
  'api::menu-item.menu-item': {
    mainField: 'label',
    defaultSortBy: 'position',
    defaultSortOrder: 'ASC',
    list: ['label', 'position'],
    edit: [
      [
        ['label', 8],
        ['position', 4],
      ],
      [['parent', 6]],
      [
        ['page', 6],
        ['list', 6],
      ],
      [['url', 12]],
      [['children', 6]],
    ],
  },
  'api::resource.resource': {
    mainField: 'title',
    defaultSortBy: 'year',
    defaultSortOrder: 'DESC',
    list: ['title', 'kind', 'year'],
    edit: [
      [['title', 12]],
      [
        ['slug', 6],
        ['kind', 3],
        ['year', 3],
      ],
      [['summary', 12]],
      [['file', 6]],
      [['fileLanguages', 12]],
      [
        ['cover', 6],
        ['coverAlt', 6],
      ],
      [
        ['phases', 6],
        ['municipalities', 6],
      ],
      [['workshops', 6]],
    ],
  },
  'api::result.result': {
    mainField: 'title',
    defaultSortBy: 'title',
    defaultSortOrder: 'ASC',
    list: ['title', 'type'],
    edit: [
      [['title', 12]],
      [
        ['type', 6],
        ['programme', 6],
      ],
      [['description', 12]],
      [['indicators', 6]],
    ],
  },
  'api::indicator.indicator': {
    mainField: 'title',
    defaultSortBy: 'title',
    defaultSortOrder: 'ASC',
    list: ['title', 'measure'],
    edit: [
      [['title', 12]],
      [
        ['result', 6],
        ['measure', 3],
        ['ascending', 3],
      ],
      [['description', 12]],
      [
        ['baselineYear', 6],
        ['baselineValue', 6],
      ],
      [['periods', 12]],
    ],
  },
};
