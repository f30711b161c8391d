import type { SubgraphDeps } from '../shared/context';
import { createSubgraphService, type SubgraphModule } from '../shared/subgraph';
import { createLoaders, type Loaders } from './loaders';
import { policy } from './permissions';
import { resolvers } from './resolvers';

export const basisondersteuning: SubgraphModule<Loaders> = {
  name: 'basisondersteuning',
  typeDefsPath: new URL('./schema.graphql', import.meta.url),
  resolvers,
  policy,
  createLoaders,
};

export const createSubgraph = (deps: SubgraphDeps) => createSubgraphService(basisondersteuning, deps);
