// Every limit an operation must keep, in one place (limits.ts): tokens (Apollo Server's parser) and the hub's scalars
// (its validation), then, once the operation is known, introspection for anonymous callers, depth (introspection
// apart), aliases, directives, the cost and the text of every argument. A broken limit is a 400 with its own code
// that says which and by how much.
import { CustomScalarInputRule } from '../input-rules';
import { OperationLimits } from '../limits';
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
        validationRules: [CustomScalarInputRule],
      },
      run({ principal, operation }) {
        const broken = operationLimits.check(principal, operation);
        if (broken) return refuse(broken);
      },
    };
  },
});
