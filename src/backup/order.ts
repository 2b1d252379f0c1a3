/**
 * The order to fill tables in so that every foreign key points at a row that is already
 * there. A key that cannot be satisfied that way (a table pointing at itself, as
 * `admin_users.created_by_id` does, or a cycle between tables) is deferred: written as null
 * first and set once every row is in.
 */
export type TableLinks = { name: string; foreignKeys: { columns: string[]; referencedTable: string }[] };

export type InsertPlan = { order: string[]; deferred: Record<string, string[]> };

export function planInserts(tables: TableLinks[]): InsertPlan {
  const known = new Set(tables.map((table) => table.name));
  const remaining = [...tables];
  const inserted = new Set<string>();
  const order: string[] = [];
  const deferred: Record<string, string[]> = {};

  const waitingOn = (table: TableLinks) =>
    table.foreignKeys.filter((key) => key.referencedTable !== table.name && known.has(key.referencedTable) && !inserted.has(key.referencedTable));

  while (remaining.length > 0) {
    // The first table whose references are all in; failing that (a cycle), the first table.
    const index = Math.max(
      0,
      remaining.findIndex((table) => waitingOn(table).length === 0)
    );
    const [table] = remaining.splice(index, 1);
    const postponed = [...table.foreignKeys.filter((key) => key.referencedTable === table.name), ...waitingOn(table)].flatMap((key) => key.columns);
    if (postponed.length > 0) deferred[table.name] = [...new Set(postponed)];
    inserted.add(table.name);
    order.push(table.name);
  }
  return { order, deferred };
}
