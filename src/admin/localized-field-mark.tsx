/**
 * The globe beside a field whose value each language version has for itself. The i18n plugin's
 * own mark puts its message object in the HTML title, so browsers show "[object Object]" on
 * hover; this one says the message, on the same fields.
 */
import { useIntl } from 'react-intl';
import { Flex, Tooltip, VisuallyHidden } from '@strapi/design-system';
import { Earth } from '@strapi/icons';

const message = { id: 'i18n.Field.localized', defaultMessage: 'This value is unique for the selected locale' };

type Field = { attribute?: { pluginOptions?: { i18n?: { localized?: boolean } } }; labelAction?: unknown };
type Layout = { layout: Field[][][]; components: Record<string, { layout: Field[][] }> };

function LocalizedMark() {
  const { formatMessage } = useIntl();
  return (
    <Flex tag="span">
      <VisuallyHidden tag="span">{formatMessage(message)}</VisuallyHidden>
      <Tooltip label={formatMessage(message)}>
        <Earth aria-hidden focusable={false} width="1.2rem" height="1.2rem" />
      </Tooltip>
    </Flex>
  );
}

const marked = (field: Field): Field => (field.labelAction && field.attribute?.pluginOptions?.i18n?.localized ? { ...field, labelAction: <LocalizedMark /> } : field);

export function withReadableLocalizedMark({ layout, ...rest }: { layout: Layout }) {
  return {
    ...rest,
    layout: {
      ...layout,
      layout: layout.layout.map((panel) => panel.map((row) => row.map(marked))),
      components: Object.fromEntries(Object.entries(layout.components).map(([uid, component]) => [uid, { ...component, layout: component.layout.map((row) => row.map(marked)) }])),
    },
  };
}
