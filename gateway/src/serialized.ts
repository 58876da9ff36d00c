// A response is serialised once: the audit measures its size with the same string the client is sent.
import type { FormattedExecutionResult } from 'graphql';

const serialized = new WeakMap<object, { errors: unknown; extensions: unknown; text: string }>();

/** The response as the client gets it (Apollo Server's field order: errors, data, extensions), remembered by its data. */
export function serializeResult(result: FormattedExecutionResult): string {
  const text = JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions });
  if (result.data) serialized.set(result.data, { errors: result.errors, extensions: result.extensions, text });
  return text;
}

/**
 * Apollo Server's `stringifyResult`: the string made by serializeResult if the response still holds the same data,
 * errors and extensions (a plugin that replaced any of them gets a fresh one), else JSON.stringify as Apollo's own.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const known = value.data ? serialized.get(value.data) : undefined;
  if (known && known.errors === value.errors && known.extensions === value.extensions) return `${known.text}\n`;
  return `${JSON.stringify(value)}\n`;
}
