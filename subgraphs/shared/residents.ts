import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inwoner } from '../../db/schema/basisondersteuning';
import { badUserInput } from './errors';
import { inwonerVisible } from './relations';
import type { Scope } from './tokens';

/**
 * The resident a mutation names: it must exist in the caller's gemeente and, with
 * `relation`, lie within the caller's relation; with `lock` its row is locked until the
 * transaction ends (serialising checks such as "no open aanvraag yet"). Otherwise a
 * BAD_USER_INPUT naming the field, which says nothing about residents out of reach.
 */
export async function findInwoner(
  tx: Db,
  scope: Scope,
  field: string,
  id: string,
  options: { relation?: boolean; lock?: boolean } = {},
): Promise<{ id: string; wijkCode: string; huishoudenId: string }> {
  const query = tx.select({ id: inwoner.id, wijkCode: inwoner.wijkCode, huishoudenId: inwoner.huishoudenId }).from(inwoner).where(and(
    eq(inwoner.gemeenteCode, scope.gemeente),
    eq(inwoner.id, id),
    options.relation ? inwonerVisible(tx, scope, inwoner.id) : undefined,
  ));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw badUserInput(field, `${field}: no resident with this id ${options.relation ? 'within your relation' : 'in the gemeente'}`);
  return row;
}
