export default () => ({
  rest: {
    prefix: '/api',
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters answer 400 instead of being silently ignored.
    strictParams: true,
  },
});
