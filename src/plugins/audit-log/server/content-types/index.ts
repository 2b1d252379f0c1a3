import schema from './entry/schema.json';

export default { entry: { schema } };
