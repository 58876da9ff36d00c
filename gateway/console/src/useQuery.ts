// One GraphQL read, re-run when its variables change (or on reload); no state is set synchronously in the effect.
import { useCallback, useEffect, useState } from 'react';
import type { Session } from './api';

interface Result<T> {
  key: string;
  data?: T;
  partial: string[];
  error?: unknown;
}

export function useQuery<T>(
  session: Session,
  query: string,
  variables: Record<string, unknown>,
  onError: (e: unknown) => void,
  skip = false,
): { data?: T; partial: string[]; error?: unknown; loading: boolean; reload: () => void } {
  const [round, setRound] = useState(0);
  const key = `${round}|${JSON.stringify(variables)}`;
  const [result, setResult] = useState<Result<T>>({ key: '', partial: [] });

  useEffect(() => {
    if (skip) return;
    let current = true;
    const vars = JSON.parse(key.slice(key.indexOf('|') + 1)) as Record<string, unknown>;
    session.query<T>(query, vars).then(
      ({ data, partial }) => {
        if (current) setResult({ key, data, partial });
      },
      (error: unknown) => {
        if (!current) return;
        setResult({ key, partial: [], error });
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [session, query, key, onError, skip]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const fresh = result.key === key;
  return {
    data: fresh ? result.data : undefined,
    partial: fresh ? result.partial : [],
    error: fresh ? result.error : undefined,
    loading: !skip && !fresh,
    reload,
  };
}
