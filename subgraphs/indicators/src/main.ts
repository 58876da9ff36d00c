import { runSubgraph } from '@hub/kit';
import { indicators } from './definition';

runSubgraph(indicators);
