/** An answer of the API that was not 2xx, with the contract's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The review API as the console uses it: every call carries the reviewer's key. */
export class ReviewApi {
  constructor(private readonly key: string) {}

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  /** A document image as a blob (shown through an object URL, since an <img> cannot send the key). */
  async image(path: string): Promise<Blob | null> {
    const res = await fetch(path, { headers: this.headers(), cache: 'no-store' });
    if (res.status === 404) return null;
    if (!res.ok) throw await errorOf(res);
    return res.blob();
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.key}` };
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(path, {
      method,
      headers:
        body === undefined ? this.headers() : { ...this.headers(), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    if (!res.ok) throw await errorOf(res);
    return (await res.json()) as T;
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: string; message?: string };
    return new ApiError(res.status, body.error ?? 'error', body.message ?? res.statusText);
  } catch {
    return new ApiError(res.status, 'error', res.statusText);
  }
}
