import type { Schema, Struct } from '@strapi/strapi';

export interface GeoPoint extends Struct.ComponentSchema {
  collectionName: 'components_geo_points';
  info: {
    description: 'WGS84 coordinates in decimal degrees.';
    displayName: 'Point';
    icon: 'pinMap';
  };
  attributes: {
    lat: Schema.Attribute.Float &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 90;
          min: -90;
        },
        number
      >;
    lon: Schema.Attribute.Float &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 180;
          min: -180;
        },
        number
      >;
  };
}

export interface NewsQuote extends Struct.ComponentSchema {
  collectionName: 'components_news_quotes';
  info: {
    displayName: 'Quote';
    icon: 'quote';
  };
  attributes: {
    role: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    speaker: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface ProgrammeFunding extends Struct.ComponentSchema {
  collectionName: 'components_programme_fundings';
  info: {
    description: "A funder's contribution; amount and year only where a source states them.";
    displayName: 'Funding';
    icon: 'coins';
  };
  attributes: {
    amount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 99999999.99;
          min: 0;
        },
        number
      >;
    currency: Schema.Attribute.Enumeration<['EUR', 'BAM', 'USD']>;
    funder: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    instrument: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    sinceYear: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 2100;
          min: 1990;
        },
        number
      >;
  };
}

export interface ProgrammeImplementationLevel extends Struct.ComponentSchema {
  collectionName: 'components_programme_implementation_levels';
  info: {
    description: 'A level the programme works at: community, institutions or policy.';
    displayName: 'Implementation level';
    icon: 'layer';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    level: Schema.Attribute.Enumeration<['community', 'institutions', 'policy']> & Schema.Attribute.Required;
  };
}

export interface ProgrammeObjective extends Struct.ComponentSchema {
  collectionName: 'components_programme_objectives';
  info: {
    description: "One specific objective; the list order is the objective's number.";
    displayName: 'Objective';
    icon: 'bulletList';
  };
  attributes: {
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface ResultsMunicipalityValue extends Struct.ComponentSchema {
  collectionName: 'components_results_municipality_values';
  info: {
    description: "A period's target and actual in one municipality.";
    displayName: 'Municipality value';
    icon: 'pinMap';
  };
  attributes: {
    actual: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    municipality: Schema.Attribute.Relation<'oneToOne', 'api::municipality.municipality'>;
    target: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
  };
}

export interface ResultsPeriod extends Struct.ComponentSchema {
  collectionName: 'components_results_periods';
  info: {
    description: 'A reporting period: its target and what was reached.';
    displayName: 'Period';
    icon: 'calendar';
  };
  attributes: {
    actual: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    municipalities: Schema.Attribute.Component<'results.municipality-value', true>;
    periodEnd: Schema.Attribute.Date & Schema.Attribute.Required;
    periodStart: Schema.Attribute.Date & Schema.Attribute.Required;
    target: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seos';
  info: {
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    canonicalUrl: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
    noIndex: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface SharedTag extends Struct.ComponentSchema {
  collectionName: 'components_shared_tags';
  info: {
    displayName: 'Tag';
    icon: 'hashtag';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'geo.point': GeoPoint;
      'news.quote': NewsQuote;
      'programme.funding': ProgrammeFunding;
      'programme.implementation-level': ProgrammeImplementationLevel;
      'programme.objective': ProgrammeObjective;
      'results.municipality-value': ResultsMunicipalityValue;
      'results.period': ResultsPeriod;
      'shared.seo': SharedSeo;
      'shared.tag': SharedTag;
    }
  }
}
