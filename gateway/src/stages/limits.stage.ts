// Every limit an operation must keep, in one place (limits.ts): tokens (Apollo Server's parser), depth, aliases,
// directives and the hub's scalars (its validation), then introspection for anonymous callers, the cost and the text
// of every argument once the operation is known. A broken limit is a 400 that says which and by how much.
import { CustomScalarInputRule } from '../input-rules';
import { limitRules, OperationLimits } from '../limits';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

export const limits = stage({
  name: 'limits',
  phase: 'operation',
  needs: ['principal', 'operation'],
  provides: [],
  create: ({ config }) => {
    const operationLimits = new OperationLimits(config.limits);
    return {
      apollo: {
        parseOptions: { maxTokens: config.limits.maxTokens },
        validationRules: [CustomScalarInputRule, ...limitRules(config.limits)],
      },
      run({ principal, operation }) {
        const broken = operationLimits.check(principal, operation);
        if (broken) return refuse(broken);
      },
    };
  },
});
