import change from './change/schema.json';
import version from './version/schema.json';

export default { version: { schema: version }, change: { schema: change } };
