import type { SubgraphName } from './list';
import type { SubgraphModule } from './shared/subgraph';
import { socialeBasis } from './sociale-basis/server';
import { basisondersteuning } from './basisondersteuning/server';
import { aanvullendeOndersteuning } from './aanvullende-ondersteuning/server';
import { huishoudelijkeHulp } from './huishoudelijke-hulp/server';
import { financien } from './financien/server';
import { privacy } from './privacy/server';

/** The subgraph implementations by name (same keys as subgraphs/list.ts). */
export const SUBGRAPH_MODULES: Record<SubgraphName, SubgraphModule<any>> = {
  'sociale-basis': socialeBasis,
  basisondersteuning,
  'aanvullende-ondersteuning': aanvullendeOndersteuning,
  'huishoudelijke-hulp': huishoudelijkeHulp,
  financien,
  privacy,
};
