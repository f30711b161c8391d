import type { KeyObject } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { keyedLoaders } from '../shared/loaders';
import type { Scope } from '../shared/tokens';
import { leesCursor, verwerkingenVan, verwerkingenZoeken, type Pagina, type Zoekvraag } from './logboek';
import { intBetween } from '../shared/validate';

export function createLoaders(db: Db, scope: Scope, _suppression: unknown, pseudonymKey: KeyObject) {
  return {
    /** Inwoner.verwerkingen: one statement per page size and cursor, whatever the number of residents. */
    verwerkingenVan: keyedLoaders((pagina: string) => {
      const [aantalText, naText] = pagina.split('|') as [string, string];
      const aantal = intBetween('aantal', Number(aantalText), 1, 500);
      const na = leesCursor('na', naText === '' ? null : naText);
      return new DataLoader<string, Pagina>(async (ids) => {
        const pages = await verwerkingenVan(db, scope, pseudonymKey, ids, aantal, na);
        return ids.map((id) => pages.get(id) ?? { verwerkingen: [], volgende: null });
      });
    }),
    zoeken: (z: Zoekvraag) => verwerkingenZoeken(db, scope, pseudonymKey, z),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
