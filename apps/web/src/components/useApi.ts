import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api.ts';

/**
 * Loads a GET endpoint; `reload` fetches again after a change. Only the answer to the latest
 * request is shown: when the URL changes (another date in «Min dag») while an earlier request is
 * still on its way, that earlier answer must not overwrite the newer one when it arrives late.
 */
export function useApi<T>(url: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(Boolean(url));
  const latest = useRef(0);
  const load = useCallback(async () => {
    if (!url) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const answer = await api<T>('GET', url);
      if (ticket !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (e) {
      if (ticket !== latest.current) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e), {}));
      setData(null);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, loading, reload: load, setData };
}
