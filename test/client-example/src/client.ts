// A typed client of the hub in a few lines: fetch, the generated document types, and the hub's error shape. An app
// would use Apollo Client, urql or graphql-request with the same generated documents; this one has no dependency.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** An error as the hub sends it: a registry code, and for FORBIDDEN the coordinate and the reason. */
export interface HubError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; coordinate?: string; reason?: string; argument?: string };
}

export interface Answer<T> {
  data: T | null;
  errors: HubError[];
}

export class HubClient {
  private token: string | undefined;

  constructor(
    private readonly url: string,
    private readonly app = { name: 'typed-client-example', version: '1.0' },
  ) {}

  /** The password grant of /auth/token; the token is sent with every request after it. */
  async signIn(username: string, password: string): Promise<void> {
    const r = await fetch(`${this.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username, password }),
    });
    const body = (await r.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`sign-in refused: ${body.error_description ?? r.status}`);
    this.token = body.access_token;
  }

  /** One operation; a partial answer keeps its data beside its errors. */
  async request<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Promise<Answer<T>> {
    const r = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollographql-client-name': this.app.name,
        'apollographql-client-version': this.app.version,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await r.json()) as { data?: T | null; errors?: HubError[] };
    return { data: body.data ?? null, errors: body.errors ?? [] };
  }
}
