/**
 * How the Content Manager shows each type to the communications staff: the list's columns and
 * default order, the edit view's grouping, and for each field a label and a line saying what it
 * is for and where partner sites show it. Applied at every start (./index.ts), so a fresh install
 * and a running one look the same: change them here, not in the panel's "Configure the view".
 * Status and the language versions get their own list columns from Strapi.
 */
export type FieldText = { label: string; description?: string };

export type Layout = {
  /** The field that names an entry in lists and relation pickers. */
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  /** List columns, in order. */
  list: string[];
  /** Edit view rows of [field, width]; a row is 12 wide. */
  edit: [string, number][][];
  fields: Record<string, FieldText>;
};

const SLUG = 'Web address part, made from the title. Partner sites use it in page links; change it only before publishing.';
const PUBLISH_AT = 'Save a draft with a time here and this language version is published then, within a minute. Never shown on partner sites.';
const PLACES = { label: 'Municipalities', description: 'The places this concerns; partner sites list it on those places’ pages and on the map.' };

export const LAYOUTS: Record<string, Layout> = {
  'api::news-article.news-article': {
    mainField: 'title',
    defaultSortBy: 'publicationDate',
    defaultSortOrder: 'DESC',
    list: ['title', 'publicationDate', 'dateline', 'updatedAt'],
    edit: [
      [['title', 8], ['publicationDate', 4]],
      [['slug', 8], ['dateline', 4]],
      [['scheduledPublishAt', 6]],
      [['lead', 12]],
      [['body', 12]],
      [['cover', 6], ['coverAlt', 6]],
      [['quotes', 12]],
      [['programme', 6], ['workshops', 6]],
      [['municipalities', 6]],
      [['tags', 12]],
      [['seo', 12]],
    ],
    fields: {
      title: { label: 'Headline', description: 'Shown as the article title in news lists, RSS/Atom feeds and search results.' },
      slug: { label: 'Slug', description: SLUG },
      dateline: { label: 'Dateline', description: 'Place the story comes from, e.g. Sarajevo; shown before the lead.' },
      publicationDate: { label: 'Publication date', description: 'The date readers see; news lists and feeds are ordered by it. Shared by all language versions.' },
      scheduledPublishAt: { label: 'Publish at', description: PUBLISH_AT },
      lead: { label: 'Lead', description: 'One or two sentences summing up the story; used as the teaser in lists, feeds and link previews.' },
      body: { label: 'Body', description: 'The full text of the article.' },
      quotes: { label: 'Quotes', description: 'Statements by named people, shown highlighted in the article.' },
      tags: { label: 'Tags', description: 'Topics readers can filter news by.' },
      cover: { label: 'Cover image', description: 'Shown at the top of the article and in news lists. The same image for every language version.' },
      coverAlt: { label: 'Cover image description', description: 'What the cover shows, in this version\'s language, for readers who cannot see it (alt text). Required to publish a version with a cover image.' },
      seo: { label: 'Search engines', description: 'Title and description for search engines and social media previews; the headline and lead are used when empty.' },
      programme: { label: 'Programme', description: 'The programme this news belongs to.' },
      workshops: { label: 'Workshops', description: 'Workshops the article reports on; partner sites link them both ways.' },
      municipalities: PLACES,
      updatedAt: { label: 'Last edited' },
    },
  },
  'api::workshop.workshop': {
    mainField: 'title',
    defaultSortBy: 'startDate',
    defaultSortOrder: 'DESC',
    list: ['title', 'startDate', 'city', 'venue'],
    edit: [
      [['title', 12]],
      [['slug', 6], ['phase', 6]],
      [['startDate', 3], ['startTime', 3], ['endDate', 3], ['endTime', 3]],
      [['timeZone', 6], ['scheduledPublishAt', 6]],
      [['city', 6], ['venue', 6]],
      [['description', 12]],
      [['audience', 6], ['organisers', 6]],
      [['municipalities', 6], ['newsArticles', 6]],
      [['geo', 12]],
    ],
    fields: {
      title: { label: 'Title', description: 'Shown in event lists and calendar (iCal) entries.' },
      slug: { label: 'Slug', description: SLUG },
      description: { label: 'Description', description: 'What the workshop is about; the calendar entry’s text.' },
      startDate: { label: 'Start date', description: 'Event lists are ordered by it. Shared by all language versions.' },
      endDate: { label: 'End date', description: 'Leave empty for a one-day workshop.' },
      startTime: { label: 'Start time', description: 'Leave empty for an all-day entry in calendars.' },
      endTime: { label: 'End time' },
      timeZone: { label: 'Time zone', description: 'Where the times are local; calendars convert them for each reader.' },
      scheduledPublishAt: { label: 'Publish at', description: PUBLISH_AT },
      city: { label: 'City', description: 'Shown in event lists.' },
      venue: { label: 'Venue', description: 'Building or hall; shown with the city in calendar entries.' },
      geo: { label: 'Map position', description: 'Latitude and longitude of the venue for partner maps.' },
      audience: { label: 'Audience', description: 'Who the workshop is for.' },
      organisers: { label: 'Organisers' },
      phase: { label: 'Programme phase' },
      municipalities: PLACES,
      newsArticles: { label: 'News articles', description: 'Reports about this workshop.' },
    },
  },
  'api::municipality.municipality': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'kind', 'entity', 'canton'],
    edit: [
      [['name', 6], ['slug', 6]],
      [['kind', 4], ['entity', 4], ['canton', 4]],
      [['population2013', 4]],
      [['geo', 12]],
      [['phases', 6], ['workshops', 6]],
      [['newsArticles', 6]],
    ],
    fields: {
      name: { label: 'Name', description: 'As written in this language; shown on the map and in place lists.' },
      slug: { label: 'Slug', description: SLUG },
      kind: { label: 'Kind', description: 'Municipality, city or district.' },
      entity: { label: 'Entity', description: 'Federation of BiH, Republika Srpska or Brčko District.' },
      canton: { label: 'Canton', description: 'Only for places in the Federation.' },
      geo: { label: 'Map position', description: 'Where the place’s marker stands on partner maps (GeoJSON).' },
      population2013: { label: 'Population (2013 census)' },
      phases: { label: 'Programme phases', description: 'Phases in which the place took part; the map colours places by it.' },
      workshops: { label: 'Workshops' },
      newsArticles: { label: 'News articles' },
    },
  },
  'api::phase.phase': {
    mainField: 'name',
    defaultSortBy: 'periodStart',
    defaultSortOrder: 'ASC',
    list: ['name', 'periodStart', 'periodEnd', 'programme'],
    edit: [
      [['name', 6], ['programme', 6]],
      [['periodStart', 6], ['periodEnd', 6]],
      [['focus', 12]],
      [['municipalities', 6], ['workshops', 6]],
    ],
    fields: {
      name: { label: 'Phase' },
      periodStart: { label: 'From', description: 'Year and month, e.g. 2010-01.' },
      periodEnd: { label: 'Until', description: 'Year and month; leave empty while the phase runs.' },
      focus: { label: 'Focus', description: 'What this phase concentrated on; shown on the programme page.' },
      programme: { label: 'Programme' },
      municipalities: { label: 'Municipalities', description: 'Places taking part in this phase.' },
      workshops: { label: 'Workshops' },
    },
  },
  'api::programme.programme': {
    mainField: 'name',
    defaultSortBy: 'startYear',
    defaultSortOrder: 'DESC',
    list: ['name', 'acronym', 'startYear'],
    edit: [
      [['name', 8], ['acronym', 4]],
      [['slug', 8], ['startYear', 4]],
      [['summary', 12]],
      [['description', 12]],
      [['overallObjective', 12]],
      [['specificObjectives', 12]],
      [['targetGroups', 6], ['partners', 6]],
      [['implementationLevels', 12]],
      [['expectedReachChildren', 4]],
      [['funding', 12]],
      [['phases', 6], ['contacts', 6]],
      [['newsArticles', 6]],
    ],
    fields: {
      name: { label: 'Name', description: 'The programme’s full name; the title of its page and of the IATI activity.' },
      acronym: { label: 'Acronym', description: 'Short name, e.g. SPIS.' },
      slug: { label: 'Slug', description: SLUG },
      summary: { label: 'Summary', description: 'Two or three sentences for cards and link previews.' },
      description: { label: 'Description', description: 'The full presentation on the programme page.' },
      overallObjective: { label: 'Overall objective' },
      specificObjectives: { label: 'Specific objectives' },
      targetGroups: { label: 'Target groups' },
      implementationLevels: { label: 'Implementation levels' },
      expectedReachChildren: { label: 'Children expected to reach' },
      startYear: { label: 'Start year' },
      funding: { label: 'Funding', description: 'Donors and amounts; also published in the IATI file.' },
      partners: { label: 'Partners' },
      phases: { label: 'Phases' },
      contacts: { label: 'Contacts' },
      newsArticles: { label: 'News articles' },
    },
  },
  'api::contact.contact': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'role', 'organisation', 'email'],
    edit: [
      [['name', 6], ['role', 6]],
      [['organisation', 6], ['unit', 6]],
      [['address', 12]],
      [['phone', 4], ['fax', 4], ['email', 4]],
      [['programme', 6]],
    ],
    fields: {
      name: { label: 'Name', description: 'Person or office; shown on the programme’s contact page.' },
      role: { label: 'Role', description: 'Their function, in this language.' },
      organisation: { label: 'Organisation' },
      unit: { label: 'Unit' },
      address: { label: 'Postal address' },
      phone: { label: 'Phone', description: 'International format, e.g. +387 33 000 000.' },
      fax: { label: 'Fax' },
      email: { label: 'Email', description: 'Published on partner sites.' },
      programme: { label: 'Programme' },
    },
  },
};
