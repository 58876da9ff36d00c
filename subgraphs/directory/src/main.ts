import { runSubgraph } from '@hub/kit';
import { directory } from './definition';

runSubgraph(directory);
