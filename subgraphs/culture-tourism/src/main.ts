import { runSubgraph } from '@hub/kit';
import { cultureTourism } from './definition';

runSubgraph(cultureTourism);
