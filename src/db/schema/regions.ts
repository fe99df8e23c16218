import { index, pgTable, text, varchar } from 'drizzle-orm/pg-core';

/** The 38 provinces, by Kemendagri code (e.g. `18` Lampung). */
export const provinces = pgTable('provinces', {
  code: varchar('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
});

/** The 514 regencies and cities, by Kemendagri code (e.g. `18.02`). */
export const regencies = pgTable(
  'regencies',
  {
    code: varchar('code', { length: 5 }).primaryKey(),
    provinceCode: varchar('province_code', { length: 2 })
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 10 }).notNull().$type<'kabupaten' | 'kota'>(),
  },
  (t) => [index('regencies_province_idx').on(t.provinceCode)],
);
