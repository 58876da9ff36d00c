import { runSubgraph } from '@hub/kit';
import { audit } from './definition';

runSubgraph(audit);
