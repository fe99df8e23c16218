import type { ErrorBody, Me } from '../shared/contracts/index.ts';

/** An error answer of the API, or a network failure (code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string; reason?: string | undefined; values?: Record<string, string | number> | undefined }[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
export function rememberSession(me: Me | null): void {
  csrfToken = me?.csrfToken ?? '';
}
/** The session's CSRF token, for requests sent by other means than `api` (the mark queue). */
export const currentCsrfToken = (): string => csrfToken;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends files as multipart/form-data (evidence, extracts, candidate sheets). */
export async function upload<T>(url: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken }, body: form });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  return readAnswer<T>(response);
}

async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (data as ErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText, error?.details ?? []);
  }
  return data as T;
}

export async function api<T>(method: Method, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
  return readAnswer<T>(response);
}

export const get = <T,>(url: string) => api<T>('GET', url);
