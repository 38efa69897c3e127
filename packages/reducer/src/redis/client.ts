/**
 * The Redis client side of the protocol: the client type the workers take (node-redis, `redis`
 * 6.x, RESP2), a factory with the reconnect strategy the workers expect, and the classification
 * of errors into "retry with backoff" and "give up".
 */
import {
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  DisconnectsClientError,
  ErrorReply,
  ReconnectStrategyError,
  RESP_TYPES,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
  type RedisClientType,
} from 'redis';

/** A node-redis client (`createClient()` from `redis`), RESP2. Give each worker its own: XREADGROUP blocks it. */
export type StreamClient = RedisClientType;

const AS_BUFFERS = { [RESP_TYPES.BLOB_STRING]: Buffer } as const;

/** GET returning the value's bytes. */
export async function getBuffer(client: StreamClient, key: string): Promise<Buffer | null> {
  return client.withTypeMapping(AS_BUFFERS).get(key);
}

/** MGET as bytes: several keys at one point in time. */
export async function getBuffers(client: StreamClient, keys: readonly string[]): Promise<Array<Buffer | null>> {
  if (keys.length === 0) return [];
  return client.withTypeMapping(AS_BUFFERS).mGet([...keys]);
}

export interface BackoffOptions {
  /** First delay after a failure. Default 50 ms. */
  initialMs?: number;
  /** Largest delay. Default 5,000 ms. */
  maxMs?: number;
  /** Consecutive failures before the worker gives up and rejects. Default Infinity. */
  maxAttempts?: number;
}

/** Exponential backoff with full jitter: a random delay in [d/2, d], d = min(max, initial x 2^attempt). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 50;
  const max = options.maxMs ?? 5_000;
  const d = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return d / 2 + Math.random() * (d / 2);
}

/** Resolves after `ms`, or early (without rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

const TRANSIENT_REPLIES = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY|NOREPLICAS)\b/;

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * True for failures a worker survives by backing off, reloading its checkpoint and resuming: a
 * lost, refused or timed-out connection, a server that is loading or failing over. False for
 * error replies that retrying cannot fix (WRONGTYPE, NOGROUP after a deleted group, NOPERM, …)
 * and for every other error (a bug must surface, not loop).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ErrorReply) return TRANSIENT_REPLIES.test(error.message);
  if (
    error instanceof SocketClosedUnexpectedlyError ||
    error instanceof ConnectionTimeoutError ||
    error instanceof SocketTimeoutError ||
    error instanceof ClientOfflineError ||
    error instanceof DisconnectsClientError ||
    error instanceof ReconnectStrategyError ||
    error instanceof TimeoutError
  ) {
    return true;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

export interface WorkerClientOptions {
  url?: string;
  /** Reconnect delays (node-redis `reconnectStrategy`). */
  backoff?: BackoffOptions;
  /** Connection-level errors (node-redis emits them while it reconnects). Default: ignored after counting. */
  onError?: (error: Error) => void;
  /** Client name shown by CLIENT LIST (e.g. the consumer name). */
  name?: string;
  /**
   * A command without a reply after this long fails (and the worker retries). Must exceed the
   * worker's `blockMs`. Default 10,000 ms (node-redis's own default is 5,000).
   */
  commandTimeoutMs?: number;
}

/**
 * Creates (does not connect) a node-redis client for one stream worker: reconnects forever with
 * exponential backoff and jitter, and routes connection errors to `onError` instead of crashing
 * the process (node-redis emits 'error' on every lost connection).
 */
export function createWorkerClient(options: WorkerClientOptions = {}): StreamClient {
  const backoff = options.backoff ?? {};
  const client: StreamClient = createClient({
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.name === undefined ? {} : { name: options.name }),
    socket: { reconnectStrategy: (retries: number) => backoffDelay(retries, backoff) },
    commandOptions: { timeout: options.commandTimeoutMs ?? 10_000 },
  });
  client.on('error', (error: Error) => {
    if (options.onError) options.onError(error);
    else if (process.env.CATCHWISE_REDIS_DEBUG) console.warn('catchwise/redis: connection error', error);
  });
  return client;
}
