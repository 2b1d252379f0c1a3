/**
 * Server side of the plugin, compiled with the app to dist/src/plugins/serbian-cyrillic/.
 * The admin side (admin/src) is bundled from source by `strapi build`.
 */
import controller from './server/controller';
import routes from './server/routes';
import service from './server/service';

export default {
  routes,
  controllers: { 'cyrillic-version': controller },
  services: { 'cyrillic-version': service },
};
