/**
 * EventValidator: reads the five fields of a metadata event through (optional) accessors, checks
 * their types, and leaves the parsed values in its own fields (no allocation per event, except
 * `String(n)` for a numeric workflow id). RejectionCounter: counts rejected events by reason and
 * hands each one to `onInvalid`, or throws `InvalidEventError` in strict mode.
 *
 * Timestamps in the canonical ISO 8601 UTC form are read without `Date.parse` (the same values).
 *
 * Memory: O(1) (one cached timestamp string; one counter per reason).
 */

/** The event shape of the seed's reducer (`ModelMetadata` rows). */
export interface MetadataEvent {
  namespace: string;
  content_type: string;
  workflow_id: string | number;
  size_bytes: number;
  /** Epoch milliseconds, a `Date`, or a string `Date.parse` accepts (ISO 8601). */
  timestamp: string | number | Date;
}

/** Why an event was not counted. */
export type RejectReason =
  | 'not_an_object'
  | 'missing_namespace'
  | 'bad_namespace'
  | 'reserved_namespace'
  | 'missing_content_type'
  | 'bad_content_type'
  | 'missing_workflow_id'
  | 'bad_workflow_id'
  | 'missing_size_bytes'
  | 'bad_size_bytes'
  | 'missing_timestamp'
  | 'bad_timestamp'
  | 'accessor_threw'
  | 'late';

export const REJECT_REASONS: readonly RejectReason[] = [
  'not_an_object',
  'missing_namespace',
  'bad_namespace',
  'reserved_namespace',
  'missing_content_type',
  'bad_content_type',
  'missing_workflow_id',
  'bad_workflow_id',
  'missing_size_bytes',
  'bad_size_bytes',
  'missing_timestamp',
  'bad_timestamp',
  'accessor_threw',
  'late',
];

const REASON_TEXT: Record<RejectReason, string> = {
  not_an_object: 'the event is not an object',
  missing_namespace: 'namespace is missing',
  bad_namespace: 'namespace is not a non-empty string',
  reserved_namespace: 'namespace "__other__" is reserved for evicted namespaces',
  missing_content_type: 'content_type is missing',
  bad_content_type: 'content_type is not a string',
  missing_workflow_id: 'workflow_id is missing',
  bad_workflow_id: 'workflow_id is not a string or a finite number',
  missing_size_bytes: 'size_bytes is missing',
  bad_size_bytes: 'size_bytes is not a finite number >= 0',
  missing_timestamp: 'timestamp is missing',
  bad_timestamp: 'timestamp is not a valid date (epoch ms, Date or ISO string)',
  accessor_threw: 'a field accessor threw on this event (the error is the cause)',
  late: 'the event arrived after its windows closed (watermark + grace)',
};

/** Reads a field of an event shaped differently from `MetadataEvent`. */
export type FieldAccessor<E> = (event: E) => unknown;

export interface FieldAccessors<E> {
  namespace?: FieldAccessor<E>;
  content_type?: FieldAccessor<E>;
  workflow_id?: FieldAccessor<E>;
  size_bytes?: FieldAccessor<E>;
  timestamp?: FieldAccessor<E>;
}

/** Thrown by `add` in strict mode only. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly reason: RejectReason,
    readonly event: unknown,
    cause?: unknown,
  ) {
    super(`invalid event: ${REASON_TEXT[reason]} (${reason})`, cause === undefined ? undefined : { cause });
  }
}

/** `cause` is the error a field accessor threw (reason 'accessor_threw'), else undefined. */
export type InvalidHandler = (reason: RejectReason, event: unknown, message: string, cause?: unknown) => void;

/** Rejected events by reason. */
export interface RejectedCounts {
  total: number;
  by_reason: Partial<Record<RejectReason, number>>;
}

export const OTHER_NAMESPACE = '__other__';

type Record5 = Record<string, unknown>;

/** The decimal number in s[at, at + n), or -1 if any of those characters is not a digit. */
function digits(s: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Epoch ms of the canonical UTC forms `YYYY-MM-DDTHH:mm:ss.sssZ` and `YYYY-MM-DDTHH:mm:ssZ` (what
 * `toISOString` and most JSON writers produce), read digit by digit: about 3x faster than
 * `Date.parse`, which the caller still uses when this returns NaN (any other form, a year below
 * 100, a day above 28), so the accepted strings and their values are exactly `Date.parse`'s.
 */
export function parseCanonicalIso(s: string): number {
  const n = s.length;
  if (n !== 24 && n !== 20) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(n - 1) !== 90) return NaN;
  const ms = n === 24 ? (s.charCodeAt(19) === 46 ? digits(s, 20, 3) : -1) : 0;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (ms < 0 || year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/** Days from 1970-01-01 to a proleptic Gregorian date, year >= 1 (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export class EventValidator<E> {
  namespace = '';
  contentType = '';
  workflowId = '';
  size = 0;
  time = 0;
  private lastTimeText = '';
  private lastTime = NaN;
  private readonly getNamespace: FieldAccessor<E>;
  private readonly getContentType: FieldAccessor<E>;
  private readonly getWorkflowId: FieldAccessor<E>;
  private readonly getSize: FieldAccessor<E>;
  private readonly getTimestamp: FieldAccessor<E>;
  /** No accessors given: read the properties directly (monomorphic inline caches). */
  private readonly direct: boolean;

  constructor(fields: FieldAccessors<E> = {}) {
    for (const [key, accessor] of Object.entries(fields)) {
      if (accessor !== undefined && typeof accessor !== 'function') {
        throw new TypeError(`NamespaceReducer: fields.${key} must be a function (event) => value`);
      }
    }
    this.getNamespace = fields.namespace ?? ((e) => (e as Record5).namespace);
    this.getContentType = fields.content_type ?? ((e) => (e as Record5).content_type);
    this.getWorkflowId = fields.workflow_id ?? ((e) => (e as Record5).workflow_id);
    this.getSize = fields.size_bytes ?? ((e) => (e as Record5).size_bytes);
    this.getTimestamp = fields.timestamp ?? ((e) => (e as Record5).timestamp);
    this.direct = Object.values(fields).every((accessor) => accessor === undefined);
  }

  /** The error thrown by a field accessor during the last `parse` that returned 'accessor_threw'. */
  accessorError: unknown = undefined;

  /** Parses `event` into this validator's fields; returns null when valid, else the reason. */
  parse(event: E): RejectReason | null {
    if (this.direct) return this.parseFields(event);
    try {
      return this.parseFields(event);
    } catch (error) {
      // Handed on, not swallowed: the caller passes accessorError to onInvalid as the cause, or
      // throws it as the cause of InvalidEventError in strict mode.
      this.accessorError = error;
      return 'accessor_threw';
    }
  }

  private parseFields(event: E): RejectReason | null {
    if (event === null || typeof event !== 'object') return 'not_an_object';
    const direct = this.direct;
    const record = event as Record5;
    const ns = direct ? record.namespace : this.getNamespace(event);
    if (typeof ns !== 'string' || ns.length === 0) return ns === undefined || ns === null ? 'missing_namespace' : 'bad_namespace';
    if (ns === OTHER_NAMESPACE) return 'reserved_namespace';
    const ct = direct ? record.content_type : this.getContentType(event);
    if (typeof ct !== 'string') return ct === undefined || ct === null ? 'missing_content_type' : 'bad_content_type';
    const wf = direct ? record.workflow_id : this.getWorkflowId(event);
    if (typeof wf === 'string') {
      this.workflowId = wf;
    } else if ((typeof wf === 'number' && Number.isFinite(wf)) || typeof wf === 'bigint') {
      this.workflowId = String(wf);
    } else {
      return wf === undefined || wf === null ? 'missing_workflow_id' : 'bad_workflow_id';
    }
    const size = direct ? record.size_bytes : this.getSize(event);
    if (typeof size !== 'number' || !(size >= 0) || size === Infinity) return size === undefined || size === null ? 'missing_size_bytes' : 'bad_size_bytes';
    const ts = direct ? record.timestamp : this.getTimestamp(event);
    let time: number;
    if (typeof ts === 'number') {
      time = ts;
    } else if (typeof ts === 'string') {
      if (ts !== this.lastTimeText) {
        this.lastTimeText = ts;
        const fast = parseCanonicalIso(ts);
        this.lastTime = !Number.isNaN(fast) ? fast : ts.length > 0 ? Date.parse(ts) : NaN;
      }
      time = this.lastTime;
    } else if (ts instanceof Date) {
      time = ts.getTime();
    } else {
      return ts === undefined || ts === null ? 'missing_timestamp' : 'bad_timestamp';
    }
    if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return 'bad_timestamp';
    this.namespace = ns;
    this.contentType = ct;
    this.size = size;
    this.time = time;
    return null;
  }
}

export class RejectionCounter {
  total = 0;
  readonly counts = new Map<RejectReason, number>();

  constructor(
    private readonly onInvalid: InvalidHandler | undefined,
    private readonly strict: boolean,
  ) {
    if (onInvalid !== undefined && typeof onInvalid !== 'function') throw new TypeError('NamespaceReducer: onInvalid must be a function');
  }

  /** Counts the rejection, reports it, and throws in strict mode. Always returns false. */
  reject(reason: RejectReason, event: unknown, mayThrow = true, cause?: unknown): false {
    this.total++;
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    if (this.strict && mayThrow) throw new InvalidEventError(reason, event, cause);
    if (cause === undefined) this.onInvalid?.(reason, event, REASON_TEXT[reason]);
    else this.onInvalid?.(reason, event, REASON_TEXT[reason], cause);
    return false;
  }

  /** Adds counts from a snapshot or another counter (merge, fromJSON). */
  addCounts(counts: Partial<Record<RejectReason, number>>): void {
    for (const reason of REJECT_REASONS) {
      const n = counts[reason];
      if (n === undefined) continue;
      if (!Number.isInteger(n) || n < 0) throw new Error(`rejected.${reason} must be a non-negative integer, got ${String(n)}`);
      this.counts.set(reason, (this.counts.get(reason) ?? 0) + n);
      this.total += n;
    }
  }

  snapshot(): RejectedCounts {
    const by_reason: Partial<Record<RejectReason, number>> = {};
    for (const reason of REJECT_REASONS) {
      const n = this.counts.get(reason);
      if (n !== undefined) by_reason[reason] = n;
    }
    return { total: this.total, by_reason };
  }
}
