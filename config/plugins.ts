import { env } from '../src/env';

export default () => ({
  'users-permissions': {
    config: { jwtSecret: env.JWT_SECRET },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      defaultLimit: 25,
      maxLimit: 100,
      depthLimit: 10,
      // The Apollo landing page loads scripts from a CDN; this CMS stays offline.
      landingPage: false,
      apolloServer: { introspection: true },
    },
  },
});
