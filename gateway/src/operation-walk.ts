// Walks one operation of a document with type information, the fragments it may spread included (a variable of
// the operation can be used inside one): what the audit's masking and the text checks both need.
import { Kind, TypeInfo, visit, visitWithTypeInfo, type ASTVisitor, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

export function walkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, visitor: (typeInfo: TypeInfo) => ASTVisitor): void {
  const typeInfo = new TypeInfo(schema);
  const v = visitWithTypeInfo(typeInfo, visitor(typeInfo));
  for (const part of [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)]) visit(part, v);
}
