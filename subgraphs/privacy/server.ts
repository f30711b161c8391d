import type { SubgraphDeps } from '../shared/context';
import { createSubgraphService, type SubgraphModule } from '../shared/subgraph';
import { afhaalregisterRoute } from './afhaalregister';
import { AFHAALREGISTER_PAD } from '../shared/afhaalregister';
import { createLoaders, type Loaders } from './loaders';
import { policy } from './permissions';
import { resolvers } from './resolvers';

export const privacy: SubgraphModule<Loaders> = {
  name: 'privacy',
  typeDefsPath: new URL('./schema.graphql', import.meta.url),
  resolvers,
  policy,
  createLoaders,
  routes: (deps, log) => ({ [AFHAALREGISTER_PAD]: afhaalregisterRoute(deps, log) }),
};

export const createSubgraph = (deps: SubgraphDeps) => createSubgraphService(privacy, deps);
