export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/collection-types/:model/:documentId',
        handler: 'cyrillic-version.create',
        // Which locales and types an editor may write is checked per document in the service.
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};
