/** The relay's HTTP API as tests call it: JSON bodies, a link token as the bearer. */

/** POSTs `body` (JSON) to `pathname` on the relay at `httpUrl`; resolves with the JSON answer. */
export async function postJson(httpUrl: string, pathname: string, token?: string, body?: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${httpUrl}${pathname}`, {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return (await res.json()) as Record<string, string>;
}

/** A new board made through the API (its facilitator token) and a participant link to it. */
export async function boardWithParticipant(httpUrl: string): Promise<{ boardId: string; token: string; participant: string }> {
  const { boardId, token } = await postJson(httpUrl, '/api/boards');
  const participant = (await postJson(httpUrl, `/api/boards/${boardId}/links`, token, { role: 'participant' })).token;
  if (!boardId || !token || !participant) throw new Error('the relay did not make the board and its link');
  return { boardId, token, participant };
}

/** One API request to the relay at `httpUrl`: the status, and the JSON answer (or the bytes of another). */
export async function apiRequest(
  httpUrl: string,
  pathname: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> | Uint8Array }> {
  const res = await fetch(`${httpUrl}${pathname}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : new Uint8Array(await res.arrayBuffer()),
  };
}
