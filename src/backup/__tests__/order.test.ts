import { planInserts } from '../order';

const fk = (columns: string[], referencedTable: string) => ({ columns, referencedTable });

describe('planInserts', () => {
  it('puts referenced tables before the tables that point at them', () => {
    const { order, deferred } = planInserts([
      { name: 'news_articles_programme_lnk', foreignKeys: [fk(['news_article_id'], 'news_articles'), fk(['programme_id'], 'programmes')] },
      { name: 'news_articles', foreignKeys: [fk(['created_by_id'], 'admin_users')] },
      { name: 'programmes', foreignKeys: [fk(['created_by_id'], 'admin_users')] },
      { name: 'admin_users', foreignKeys: [] },
    ]);
    expect(order.indexOf('admin_users')).toBeLessThan(order.indexOf('news_articles'));
    expect(order.indexOf('news_articles')).toBeLessThan(order.indexOf('news_articles_programme_lnk'));
    expect(order.indexOf('programmes')).toBeLessThan(order.indexOf('news_articles_programme_lnk'));
    expect(deferred).toEqual({});
  });

  it('defers a key that points into its own table', () => {
    const { order, deferred } = planInserts([{ name: 'admin_users', foreignKeys: [fk(['created_by_id'], 'admin_users'), fk(['updated_by_id'], 'admin_users')] }]);
    expect(order).toEqual(['admin_users']);
    expect(deferred).toEqual({ admin_users: ['created_by_id', 'updated_by_id'] });
  });

  it('breaks a cycle between tables by deferring one key, and ignores tables it does not fill', () => {
    const { order, deferred } = planInserts([
      { name: 'a', foreignKeys: [fk(['b_id'], 'b'), fk(['token_id'], 'strapi_api_tokens')] },
      { name: 'b', foreignKeys: [fk(['a_id'], 'a')] },
    ]);
    expect(order).toEqual(['a', 'b']);
    expect(deferred).toEqual({ a: ['b_id'] });
  });
});
