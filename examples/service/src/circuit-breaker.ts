export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitMetrics {
  state: CircuitState;
  failures: number;
  lastStateChange: string;
}

function parseTimestamp(value: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`invalid timestamp: ${value}`);
  return time;
}

export class CircuitBreaker {
  private metrics: CircuitMetrics = { state: 'closed', failures: 0, lastStateChange: new Date().toISOString() };

  constructor(private readonly threshold: number) {}

  recordFailure(): void {
    this.metrics.failures += 1;
    if (this.metrics.failures >= this.threshold && this.metrics.state !== 'open') {
      this.metrics = { ...this.metrics, state: 'open', lastStateChange: new Date().toISOString() };
    }
  }

  secondsInCurrentState(metrics: CircuitMetrics = this.metrics): number {
    try {
      const lastChange = parseTimestamp(metrics.lastStateChange);
      const duration = (Date.now() - lastChange) / 1000;
      return Math.trunc(duration);
    } catch (e) {
      return 0;
    }
  }
}
