import change from './change/schema.json';
import translationField from './translation-field/schema.json';
import version from './version/schema.json';

export default { version: { schema: version }, change: { schema: change }, 'translation-field': { schema: translationField } };
