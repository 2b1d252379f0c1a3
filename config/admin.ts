import { env } from '../src/env';
import { previewUrl } from '../src/preview';

export default () => ({
  auth: { secret: env.ADMIN_JWT_SECRET },
  apiToken: { salt: env.API_TOKEN_SALT },
  transfer: { token: { salt: env.TRANSFER_TOKEN_SALT } },
  secrets: { encryptionKey: env.ENCRYPTION_KEY },
  // No survey pop-ups, upsell banners or "Learn more in our documentation" links to strapi.io.
  flags: { nps: false, promoteEE: false, docLinks: false },
  // Strapi's AI features work through Strapi's cloud; this CMS calls no other server.
  ai: { enabled: false },
  // News articles and workshops open beside the form as a partner site shows them (src/preview);
  // the page is served by this server, so the panel's frame needs no other origin.
  preview: { enabled: true, config: { handler: previewUrl } },
});
