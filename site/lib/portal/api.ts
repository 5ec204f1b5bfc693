// The portal's one way to talk to the API: same-origin fetch (the session is an HttpOnly
// cookie), JSON in and out, and every refusal turned into its problem document plus the
// field errors it names, keyed by path ("texts.en.name"), ready to sit under their inputs.

export type Problem = {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
};

/** Messages by field path; the first message for a path wins. */
export type FieldErrors = Record<string, string>;

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problem: Problem; fieldErrors: FieldErrors };

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR = 0;

export function fieldErrorsOf(problem: Problem): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem.errors ?? []) if (!(e.path in out)) out[e.path] = e.message;
  return out;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number' && typeof (body as Problem).title === 'string';
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body instanceof FormData) init.body = body; // the browser sets the multipart boundary
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    return { ok: false, status: NETWORK_ERROR, problem: { title: 'Network error', status: NETWORK_ERROR }, fieldErrors: {} };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const problem = isProblem(json) ? json : { title: res.statusText || 'Request failed', status: res.status };
  return { ok: false, status: res.status, problem, fieldErrors: fieldErrorsOf(problem) };
}
