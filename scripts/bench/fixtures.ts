/**
 * The seeded rows the flagship queries are about, chosen by SQL from the seed so that
 * every scale picks the same kind of row in the same way (first by id): the same query
 * then does comparable work at 1,000 and at 100,000 residents.
 */
import { sql } from 'drizzle-orm';
import { sqlRows, type Db } from '../../db/client';
import { LEEUWARDEN } from '../../db/seed/reference';

export interface Fixtures {
  /**
   * A resident with data in every pillar a regievoerder can read (running basis support and
   * household plan, a running toewijzing, household help; preferably a buurtkamer in the
   * wijk, as the sociale basis's part) and the regievoerder of that household's plan. Null
   * when the scale is too small to have one.
   */
  dossier: { inwoner: string; regievoerder: string } | null;
  /** Running toewijzingen with their volume: the mutation restates a volume, so the data do not drift. */
  toewijzingen: Array<{ id: string; volume: number }>;
}

const GEMEENTE = LEEUWARDEN.code;
const running = (alias: string) => sql.raw(`(${alias}.einddatum is null or ${alias}.einddatum >= current_date)`);

async function dossierResident(db: Db): Promise<Fixtures['dossier']> {
  const [row] = await sqlRows<{ inwoner: string; regievoerder: string }>(db, sql`
    select i.id as inwoner, p.regievoerder_id as regievoerder
    from basisondersteuning.inwoner i
    join basisondersteuning.plan p on p.huishouden_id = i.huishouden_id and p.gemeente_code = i.gemeente_code
    where i.gemeente_code = ${GEMEENTE}
      and exists (select 1 from basisondersteuning.ondersteuning o
                  where o.inwoner_id = i.id and o.startdatum <= current_date and ${running('o')})
      and exists (select 1 from aanvullende_ondersteuning.toewijzing t
                  where t.inwoner_id = i.id and t.status in ('toegewezen', 'gestart') and ${running('t')})
      and exists (select 1 from huishoudelijke_hulp.indicatie h where h.inwoner_id = i.id and ${running('h')})
    order by exists (select 1 from sociale_basis.kamer k where k.gemeente_code = i.gemeente_code and k.wijk_code = i.wijk_code) desc, i.id
    limit 1`);
  return row ?? null;
}

/** At most 500 running toewijzingen, first by id: the mutation cycles through them. */
async function runningToewijzingen(db: Db): Promise<Fixtures['toewijzingen']> {
  return sqlRows<{ id: string; volume: number }>(db, sql`
    select t.id, t.omvang_volume as volume
    from aanvullende_ondersteuning.toewijzing t
    where t.gemeente_code = ${GEMEENTE} and t.status in ('toegewezen', 'gestart') and ${running('t')}
    order by t.id
    limit 500`);
}

/** Reads the fixtures of a freshly seeded database. */
export async function readFixtures(db: Db): Promise<Fixtures> {
  return { dossier: await dossierResident(db), toewijzingen: await runningToewijzingen(db) };
}
