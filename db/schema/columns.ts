import { text } from 'drizzle-orm/pg-core';

/** CBS code of the municipality that owns a row (GM0080 = Leeuwarden). Every table has it. */
export const gemeenteCode = () => text('gemeente_code').notNull();
