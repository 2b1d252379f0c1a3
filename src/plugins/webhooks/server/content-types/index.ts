import delivery from './delivery/schema.json';
import webhook from './webhook/schema.json';

export default { webhook: { schema: webhook }, delivery: { schema: delivery } };
